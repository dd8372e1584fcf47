package cn.tingfeng.bench;

import cn.tingfeng.incident.triage.GroupingIndex;
import cn.tingfeng.source.Source;
import cn.tingfeng.watch.match.MatchService;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * Per-post pipeline cost of one batch of new posts, on an empty archive ({@link ArchiveBaselineBenchmark}) and on an
 * archive of 100,000 posts and 5,000 incidents ({@link ArchiveCostBenchmark}, seeded by {@link ArchiveSeeder}): the
 * same plans, the same warm-up batch (its drain loads the in-memory indexes: not timed with the measured batch), then
 * the same measured batch. Each application start has its own database (H2 in memory), so the two runs are two test
 * classes; whichever runs second writes {@code ingest.costRatio.archive100k} (bench/run computes it as well).
 */
public abstract class ArchiveBench extends IngestBench {
    static final int ARCHIVE_POSTS = Integer.getInteger("bench.archive.posts", 100_000);
    static final int ARCHIVE_INCIDENTS = Integer.getInteger("bench.archive.incidents", 5_000);
    static final int BATCH = Integer.getInteger("bench.archive.batch", 1500);
    static final int WARM_UP = 300;

    @Inject
    protected GroupingIndex grouping;
    @Inject
    protected MatchService matching;

    protected void measure(boolean archive) throws Exception {
        Assumptions.assumeTrue(BenchCorpus.present(), "../shared not present (fixtures, divisions): skipping the archive benchmark");
        String db = BenchResults.db(ds);
        Assumptions.assumeTrue(count("post") == 0, "the archive benchmark needs an empty database (bench/run recreates the"
                + " PostgreSQL schema before it)");
        String label = archive ? "archive100k" : "empty";
        String tag = "[archive " + label + " " + db + "]";
        BenchCorpus corpus = BenchCorpus.load();
        createPlans(corpus, "a");
        createSources("a");
        Instant now = Instant.now();
        ArchiveSeeder.Result seeded = null;
        if (archive) {
            seeded = ArchiveSeeder.seed(ds, db, corpus, grouping, matching, sources.stream().map((Source s) -> s.id).toList(),
                    ARCHIVE_POSTS, ARCHIVE_INCIDENTS, now.minus(Duration.ofMinutes(30)));
        }
        List<BenchCorpus.Item> warm = corpus.posts(WARM_UP, 11, "w", now.minus(Duration.ofMinutes(20)), Duration.ofHours(1));
        List<BenchCorpus.Item> batch = corpus.posts(BATCH, 7, "m", now.minus(Duration.ofMinutes(1)), Duration.ofHours(2));
        Timed w = ingest(warm);
        System.out.printf("%s warm-up %d posts (first drain loads the de-duplication and grouping indexes): store %.2f s, drain %.2f s%n",
                tag, warm.size(), w.storeSeconds(), w.drainSeconds());
        Map<String, Long> before = counts();
        Measured m = measured(batch, 10);
        Timed t = m.timed();
        String profile = m.profile();
        HeapSampler heap = m.heap();
        Map<String, Long> d = delta(before, counts());
        System.out.printf("%s measured batch of %d posts: store %.2f ms/post, pipeline %.2f ms/post (%.0f posts/s; CPU %.2f ms/post);"
                        + " written %s%n", tag, t.posts(), t.storeSeconds() * 1000 / t.posts(), t.drainMsPerPost(), t.drainRate(),
                t.drainCpuMsPerPost(), d);
        System.out.printf("%s heap: max used %.0f MB, max after GC %.0f MB%n", tag, heap.maxUsedMb(), heap.maxAfterGcMb());
        System.out.printf("%s where the drain spends its time:%n%s", tag, profile);

        String sfx = "h2".equals(db) ? "" : "." + db;
        Map<String, Number> f = new LinkedHashMap<>();
        f.put("ingest.pipelineMsPerPost." + label + "." + db, t.drainMsPerPost());
        f.put("ingest.pipelineCpuMsPerPost." + label + "." + db, t.drainCpuMsPerPost());
        f.put("ingest.storeMsPerPost." + label + "." + db, t.storeSeconds() * 1000 / t.posts());
        f.put("ingest.warmupDrainSeconds." + label + "." + db, w.drainSeconds());
        f.put("ingest.batchIncidents." + label + "." + db, d.get("incident"));
        if (seeded != null) {
            f.put("ingest.archiveSeedSeconds." + db, seeded.seconds());
            f.put("ingest.archivePosts." + db, seeded.posts());
            f.put("ingest.archiveIncidents." + db, seeded.incidents());
            f.put("ingest.archiveOpenIncidents." + db, seeded.openInWindow());
            f.put("memory.heapMaxMb.archive100k" + sfx, heap.maxUsedMb());
            f.put("memory.heapAfterGcMaxMb.archive100k" + sfx, heap.maxAfterGcMb());
        }
        Double mine = t.drainMsPerPost();
        Double empty = archive ? BenchResults.read("ingest.pipelineMsPerPost.empty." + db) : mine;
        Double full = archive ? mine : BenchResults.read("ingest.pipelineMsPerPost.archive100k." + db);
        Double mineCpu = t.drainCpuMsPerPost();
        Double emptyCpu = archive ? BenchResults.read("ingest.pipelineCpuMsPerPost.empty." + db) : mineCpu;
        Double fullCpu = archive ? mineCpu : BenchResults.read("ingest.pipelineCpuMsPerPost.archive100k." + db);
        if (emptyCpu != null && fullCpu != null) {
            f.put("ingest.cpuCostRatio.archive100k" + sfx, fullCpu / emptyCpu);
        }
        if (empty != null && full != null) {
            f.put("ingest.costRatio.archive100k" + sfx, full / empty);
            System.out.printf("%s per-post pipeline cost, archive of 100k posts / empty archive: %.2f / %.2f ms = %.2f%n", tag, full,
                    empty, full / empty);
        }
        BenchResults.write("archive-" + label + "-" + db, f);
        dropH2Database();
    }

    protected long count(String table) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
