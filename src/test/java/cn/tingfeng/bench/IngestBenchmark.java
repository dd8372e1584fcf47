package cn.tingfeng.bench;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Ingest from fetched page to stored, matched, de-duplicated, grouped, assessed, alerted and proposed, with 100
 * realistic monitoring plans and a few thousand realistic posts ({@link BenchCorpus}): all posts stored first through
 * {@code PostStore.store} (transactions of 200; each post queued in {@code post_queue}), then the queue drained by
 * {@code IncidentPipeline.drain()}. Reports the store rate, the pipeline rate and, as
 * {@code ingest.postsPerSecond.<db>}, the end-to-end rate: posts / (store time + drain time). Heap sampled every
 * 100 ms. After a warm-up of 300 posts (JIT, HanLP dictionaries), not timed.
 *
 * <p>Run: {@code ./mvnw -B -Pbench test -Dtest=IngestBenchmark} (H2 in memory); on PostgreSQL with the variables of
 * {@code bench/run}. {@code -Dbench.ingest.posts=N} changes the number of posts (default 3000).
 */
@QuarkusTest
@TestProfile(IngestBenchmark.Profile.class)
@Tag("benchmark")
class IngestBenchmark extends IngestBench {
    public static class Profile extends QueuedProfile {
    }

    static final int POSTS = Integer.getInteger("bench.ingest.posts", 3000);
    static final int WARM_UP = 300;

    @Test
    void endToEndPostsPerSecond() {
        Assumptions.assumeTrue(BenchCorpus.present(), "../shared not present (fixtures, divisions): skipping the ingest benchmark");
        String db = BenchResults.db(ds);
        BenchCorpus corpus = BenchCorpus.load();
        String run = run();
        long plansMs = createPlans(corpus, run);
        createSources(run);
        Instant now = Instant.now();
        List<BenchCorpus.Item> warm = corpus.posts(WARM_UP, 11, run + "-w", now.minus(Duration.ofDays(2)), Duration.ofHours(6));
        List<BenchCorpus.Item> posts = corpus.posts(POSTS, 7, run, now.minus(Duration.ofMinutes(5)), Duration.ofHours(6));
        System.out.printf("[ingest %s] corpus: %d stories, %d page passages; %d plans created in %d ms; warm-up %d posts, measured %d%n",
                db, corpus.stories(), corpus.passages(), 100, plansMs, warm.size(), posts.size());
        Timed w = ingest(warm);
        System.out.printf("[ingest %s] warm-up: store %.2f s, drain %.2f s%n", db, w.storeSeconds(), w.drainSeconds());

        Map<String, Long> before = counts();
        double baseline = heapAfterFullGcMb();
        Measured m = measured(posts, 12);
        Timed t = m.timed();
        String profile = m.profile();
        HeapSampler heap = m.heap();
        Map<String, Long> d = delta(before, counts());
        System.out.printf("[ingest %s] %d posts: store %.2f s = %.0f posts/s; pipeline drain %.2f s = %.0f posts/s (%d processed);"
                        + " end to end %.0f posts/s; drain CPU %.2f ms/post (all threads)%n", db, t.posts(), t.storeSeconds(),
                t.storeRate(), t.drainSeconds(), t.drainRate(), t.processed(), t.endToEndRate(), t.drainCpuMsPerPost());
        System.out.printf("[ingest %s] written: %s%n", db, d);
        System.out.printf("[ingest %s] heap: max used %.0f MB (sampled every 100 ms, %d samples), max after GC %.0f MB, JVM max heap"
                + " %.0f MB; before the measured ingest %.0f MB after a full GC (plans, warm-up, the H2 database so far)%n",
                db, heap.maxUsedMb(), heap.samples(), heap.maxAfterGcMb(), HeapSampler.maxHeapMb(), baseline);
        System.out.printf("[ingest %s] where the drain spends its time (stack samples every 7 ms):%n%s", db, profile);

        Map<String, Number> f = new LinkedHashMap<>();
        f.put("ingest.postsPerSecond." + db, t.endToEndRate());
        f.put("ingest.storePostsPerSecond." + db, t.storeRate());
        f.put("ingest.pipelinePostsPerSecond." + db, t.drainRate());
        f.put("ingest.posts." + db, t.posts());
        f.put("ingest.pipelineCpuMsPerPost." + db, t.drainCpuMsPerPost());
        f.put("ingest.incidents." + db, d.get("incident"));
        f.put("ingest.alerts." + db, d.get("alert"));
        f.put("ingest.matches." + db, d.get("post_match"));
        f.put("ingest.duplicates." + db, d.get("duplicates"));
        String mem = "h2".equals(db) ? "" : "." + db;
        f.put("memory.heapMaxMb" + mem, heap.maxUsedMb());
        f.put("memory.heapAfterGcMaxMb" + mem, heap.maxAfterGcMb());
        f.put("memory.jvmMaxHeapMb" + mem, HeapSampler.maxHeapMb());
        f.put("memory.heapBeforeIngestMb" + mem, baseline);
        BenchResults.write("ingest-" + db, f);
        dropH2Database();
    }
}
