package cn.tingfeng.watch.match;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class PostMatchRepository implements PanacheRepository<PostMatchRecord> {
    public List<PostMatchRecord> forPost(Long postId) {
        return list("postId = ?1 order by planId, planVersion", postId);
    }

    public boolean exists(Long postId, Long planId, int version) {
        return count("postId = ?1 and planId = ?2 and planVersion = ?3", postId, planId, version) > 0;
    }

    /** Ids of the plans that matched any of these posts. */
    public List<Long> plansOf(Collection<Long> postIds) {
        if (postIds.isEmpty()) {
            return List.of();
        }
        return getEntityManager().createQuery("select distinct m.planId from PostMatchRecord m where m.postId in ?1",
                Long.class).setParameter(1, postIds).getResultList();
    }
}
