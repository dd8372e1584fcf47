package cn.tingfeng.crawl;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import cn.tingfeng.crawl.parse.ImportFileParser.ImportReport;

/**
 * The outcome of one run of one source: what was collected, what was unchanged, what disappeared
 * (404/410: mark the post deleted, never drop it) and the errors by kind, for source health.
 */
public record CrawlRun(String sourceId, Instant startedAt, Instant finishedAt, int itemsSeen, List<CrawledPost> posts,
                       List<String> notModified, List<String> gone, List<CrawlError> errors,
                       List<ImportReport> imports, List<String> importedFileHashes) {

    /** One failed fetch or parse: the URL, the kind (a {@code FetchOutcome} name or PARSE_ERROR) and the reason. */
    public record CrawlError(String url, String kind, String message) {
    }

    public CrawlRun {
        posts = List.copyOf(posts);
        notModified = List.copyOf(notModified);
        gone = List.copyOf(gone);
        errors = List.copyOf(errors);
        imports = List.copyOf(imports);
        importedFileHashes = List.copyOf(importedFileHashes);
    }

    public Duration duration() {
        return Duration.between(startedAt, finishedAt);
    }

    public Map<String, Integer> errorsByKind() {
        Map<String, Integer> m = new TreeMap<>();
        for (CrawlError e : errors) {
            m.merge(e.kind(), 1, Integer::sum);
        }
        return m;
    }

    /** True when the run got nothing at all because of errors (a failure for the consecutive-failure count). */
    public boolean failed() {
        return posts.isEmpty() && notModified.isEmpty() && !errors.isEmpty() && itemsSeen == 0;
    }
}
