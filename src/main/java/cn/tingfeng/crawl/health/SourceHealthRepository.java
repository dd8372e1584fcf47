package cn.tingfeng.crawl.health;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;

@ApplicationScoped
public class SourceHealthRepository implements PanacheRepositoryBase<SourceHealth, Long> {

    public Map<String, Long> errorsByKind(Long sourceId) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (SourceErrorCount e : getEntityManager()
                .createQuery("select e from SourceErrorCount e where e.sourceId = ?1 order by e.kind", SourceErrorCount.class)
                .setParameter(1, sourceId).getResultList()) {
            m.put(e.kind, e.count);
        }
        return m;
    }

    public SourceErrorCount errorCount(Long sourceId, String kind) {
        return getEntityManager()
                .createQuery("select e from SourceErrorCount e where e.sourceId = ?1 and e.kind = ?2", SourceErrorCount.class)
                .setParameter(1, sourceId).setParameter(2, kind).getResultStream().findFirst().orElse(null);
    }
}
