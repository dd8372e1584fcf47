package cn.tingfeng.testsupport;

import cn.tingfeng.source.Source;
import cn.tingfeng.source.SourceRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** Source rows for tests that feed posts through {@code PostStore} without a crawler, and where those posts went. */
@ApplicationScoped
public class TestSources {
    @Inject
    SourceRepository sources;
    @Inject
    jakarta.persistence.EntityManager em;

    @Transactional
    public Source create(String key) {
        Source s = new Source();
        s.key = key;
        s.name = key;
        s.type = "api";
        s.platform = "web";
        s.createdAt = Instant.now();
        sources.persist(s);
        return s;
    }

    /** The incident a stored post was grouped into. */
    @Transactional
    public long incidentOf(Long postId) {
        return ((Number) em.createNativeQuery("select incident_id from incident_post where post_id = ?1").setParameter(1, postId)
                .getSingleResult()).longValue();
    }
}
