package cn.tingfeng.crawl;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

@ApplicationScoped
public class ImportedFileRepository implements PanacheRepository<ImportedFile> {
    public Set<String> hashes(Long sourceId) {
        return new HashSet<>(find("select f.fileHash from ImportedFile f where f.sourceId = ?1", sourceId)
                .project(String.class).list());
    }

    public List<ImportedFile> recent(Long sourceId, int max) {
        return find("sourceId = ?1 order by importedAt desc, id desc", sourceId).page(0, max).list();
    }
}
