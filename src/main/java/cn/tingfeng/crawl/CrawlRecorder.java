package cn.tingfeng.crawl;

import cn.tingfeng.crawl.parse.ImportFileParser.ImportReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** Writes what a run learnt besides posts: validators for the next conditional GET, and import reports. */
@ApplicationScoped
public class CrawlRecorder {
    @Inject
    CrawlValidatorRepository validators;
    @Inject
    ImportedFileRepository imports;

    @Transactional
    public void validators(Long sourceId, List<CrawledPost> posts, Instant now) {
        for (CrawledPost p : posts) {
            if (p.etag() == null && p.lastModified() == null) {
                continue;
            }
            String hash = CrawlService.sha256(p.url());
            CrawlValidator v = validators.find("sourceId = ?1 and urlHash = ?2", sourceId, hash).firstResult();
            if (v == null) {
                v = new CrawlValidator();
                v.sourceId = sourceId;
                v.urlHash = hash;
                v.url = p.url().length() > 2000 ? p.url().substring(0, 2000) : p.url();
            }
            v.etag = cut(p.etag(), 500);
            v.lastModified = cut(p.lastModified(), 100);
            v.updatedAt = now;
            if (v.id == null) {
                validators.persist(v);
            }
        }
    }

    /** Records an imported file so that it is never imported again (unique per source and content hash). */
    @Transactional
    public ImportedFile imported(Long sourceId, String fileHash, ImportReport report, int newPosts, Instant now) {
        ImportedFile f = new ImportedFile();
        f.sourceId = sourceId;
        f.fileHash = fileHash;
        f.fileName = cut(report.file(), 500);
        f.rowsTaken = report.taken().size();
        f.rowsRejected = report.rejected().size();
        f.rowsNew = newPosts;
        f.report = cut(report.rejected().stream().map(r -> "第 " + r.row() + " 行：" + r.reason())
                .collect(Collectors.joining("\n")), 100_000);
        f.importedAt = now;
        imports.persist(f);
        return f;
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
