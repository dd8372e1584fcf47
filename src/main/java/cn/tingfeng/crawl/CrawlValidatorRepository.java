package cn.tingfeng.crawl;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;

@ApplicationScoped
public class CrawlValidatorRepository implements PanacheRepository<CrawlValidator> {
    /** url hash → {etag, lastModified} of one source. */
    public Map<String, String[]> forSource(Long sourceId) {
        Map<String, String[]> m = new HashMap<>();
        for (CrawlValidator v : list("sourceId", sourceId)) {
            m.put(v.urlHash, new String[] {v.etag, v.lastModified});
        }
        return m;
    }
}
