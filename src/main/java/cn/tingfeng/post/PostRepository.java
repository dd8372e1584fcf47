package cn.tingfeng.post;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

@ApplicationScoped
public class PostRepository implements PanacheRepository<Post> {
    public Optional<Post> findByUrlHash(String urlHash) {
        return find("urlHash", urlHash).firstResultOptional();
    }
}
