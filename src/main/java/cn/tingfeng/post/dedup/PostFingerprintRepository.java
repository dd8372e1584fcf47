package cn.tingfeng.post.dedup;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class PostFingerprintRepository implements PanacheRepositoryBase<PostFingerprint, Long> {
}
