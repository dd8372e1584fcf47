package cn.tingfeng.testsupport;

import cn.tingfeng.source.Source;
import cn.tingfeng.source.SourceRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** A source row for tests that feed posts through {@code PostStore} without a crawler. */
@ApplicationScoped
public class TestSources {
    @Inject
    SourceRepository sources;

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
}
