package cn.tingfeng.search;

import io.quarkus.quartz.Nonconcurrent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * The indexer: every {@code tingfeng.search.backfill-every} (5 s) it indexes the posts without a current index mark —
 * new posts, posts whose text changed, posts stored before the index existed or before the jurisdiction data was
 * loaded — up to 20 batches of 500 posts, each batch its own transaction. It goes on from the highest post id it
 * indexed; every twelfth run (and the first) it starts from the first post, so a changed older post, or one whose
 * transaction committed after a newer one, is indexed within a minute. Idle once every post is indexed.
 */
@ApplicationScoped
public class SearchBackfillJob {
    private static final Logger LOG = Logger.getLogger(SearchBackfillJob.class);
    static final int BATCH = 500;
    static final int BATCHES_PER_RUN = 20;

    @Inject
    SearchIndexer indexer;
    @Inject
    SearchConfig config;

    @Scheduled(identity = "search-backfill", every = "${tingfeng.search.backfill-every:5s}", delayed = "30s")
    @Nonconcurrent
    void run() {
        long from = runs++ % FULL_PASS_EVERY == 0 ? 0 : mark;
        int total = runBatches(from, BATCHES_PER_RUN);
        if (total > 0) LOG.debugf("search indexer: %d posts indexed (every %s)", total, config.backfillEvery());
    }

    private volatile long mark;
    private long runs;
    static final int FULL_PASS_EVERY = 12;

    /** Runs up to {@code batches} batches from the first post; the posts indexed. */
    public int runBatches(int batches) {
        return runBatches(0, batches);
    }

    /** Runs up to {@code batches} batches of the posts after {@code from}; the posts indexed. */
    int runBatches(long from, int batches) {
        long after = from;
        int total = 0;
        for (int i = 0; i < batches; i++) {
            SearchIndexer.Batch b = indexer.backfill(after, BATCH);
            total += b.indexed();
            boolean stuck = b.lastId() == after;
            after = b.lastId();
            if (b.indexed() > 0) {
                mark = Math.max(mark, after);
            }
            if (!b.more() || stuck) break;
        }
        return total;
    }
}
