package cn.tingfeng.crawl.health;

import cn.tingfeng.crawl.CrawlRun;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.Map;

/** Folds one run into the health of its source. */
@ApplicationScoped
public class HealthRecorder {
    @Inject
    SourceHealthRepository health;

    @Transactional
    public boolean isFirstRun(Long sourceId) {
        SourceHealth h = health.findById(sourceId);
        return h == null || h.runs == 0;
    }

    /**
     * @param latencies seconds from publication to collection of the run's new posts (empty on a source's first run:
     *                  a backlog is not latency)
     */
    @Transactional
    public SourceHealth record(Long sourceId, CrawlRun run, int newPosts, int updated, long[] latencies) {
        SourceHealth h = health.findById(sourceId);
        if (h == null) {
            h = new SourceHealth();
            h.sourceId = sourceId;
            health.persist(h);
        }
        h.lastRunAt = run.finishedAt();
        h.lastDurationMs = Duration.between(run.startedAt(), run.finishedAt()).toMillis();
        h.lastItemsSeen = run.itemsSeen();
        h.lastItemsNew = newPosts;
        h.lastItemsUpdated = updated;
        h.runs++;
        h.itemsSeen += run.itemsSeen();
        h.itemsNew += newPosts;
        if (run.failed()) {
            h.consecutiveFailures++;
        } else {
            h.consecutiveFailures = 0;
            h.lastSuccessAt = run.finishedAt();
        }
        h.lastError = run.errors().isEmpty() ? null : truncate(run.errors().get(0).kind() + " " + run.errors().get(0).url()
                + "：" + run.errors().get(0).message());
        for (long l : latencies) {
            h.latencySecondsSum += l;
            h.latencyCount++;
        }
        for (Map.Entry<String, Integer> e : run.errorsByKind().entrySet()) {
            SourceErrorCount found = health.errorCount(sourceId, e.getKey());
            SourceErrorCount c = found != null ? found : new SourceErrorCount();
            if (found == null) {
                c.sourceId = sourceId;
                c.kind = e.getKey();
                health.getEntityManager().persist(c);
            }
            c.count += e.getValue();
            c.lastAt = run.finishedAt();
            run.errors().stream().filter(x -> x.kind().equals(e.getKey())).findFirst()
                    .ifPresent(x -> c.lastMessage = truncate(x.url() + "：" + x.message()));
        }
        return h;
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 2000 ? s : s.substring(0, 2000);
    }
}
