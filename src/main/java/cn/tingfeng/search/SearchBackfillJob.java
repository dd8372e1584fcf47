package cn.tingfeng.search;

import io.quarkus.quartz.Nonconcurrent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Indexes the posts stored before the search index existed (or before the jurisdiction data was loaded): every
 * minute, up to 20 batches of 500 posts, each batch its own transaction. Idle once every post is indexed.
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

    @Scheduled(identity = "search-backfill", every = "${tingfeng.search.backfill-every:60s}", delayed = "30s")
    @Nonconcurrent
    void run() {
        int total = runBatches(BATCHES_PER_RUN);
        if (total > 0) LOG.infof("search backfill: %d posts indexed (every %s)", total, config.backfillEvery());
    }

    /** Runs up to {@code batches} batches from the first post; the posts indexed. */
    public int runBatches(int batches) {
        long after = 0;
        int total = 0;
        for (int i = 0; i < batches; i++) {
            SearchIndexer.Batch b = indexer.backfill(after, BATCH);
            total += b.indexed();
            boolean stuck = b.lastId() == after;
            after = b.lastId();
            if (!b.more() || stuck) break;
        }
        return total;
    }
}
