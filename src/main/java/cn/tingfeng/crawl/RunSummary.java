package cn.tingfeng.crawl;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What one run of one source did, as the admin API shows it.
 *
 * @param notModified pages that answered 304 (nothing changed, nothing written)
 * @param deleted     pages that answered 404/410 and whose posts were marked deleted
 * @param failed      the run got nothing at all because of errors (counts toward consecutive failures)
 */
public record RunSummary(String source, Instant startedAt, Instant finishedAt, long durationMs, int itemsSeen,
                         int newPosts, int updated, int unchanged, int notModified, int deleted, boolean failed,
                         int consecutiveFailures, boolean failing, Map<String, Integer> errorsByKind, List<RunError> errors,
                         List<ImportSummary> imports) {

    public record RunError(String url, String kind, String message) {
    }

    public record ImportSummary(String file, int taken, int rejected, int newPosts, List<RejectedRow> rejectedRows) {
    }

    public record RejectedRow(int row, String reason) {
    }
}
