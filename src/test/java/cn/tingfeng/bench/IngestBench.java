package cn.tingfeng.bench;

import cn.tingfeng.incident.triage.IncidentPipeline;
import cn.tingfeng.post.PostStore;
import cn.tingfeng.source.Source;
import cn.tingfeng.testsupport.TestSources;
import cn.tingfeng.watch.plan.PlanEditor;
import cn.tingfeng.watch.plan.PlanService;
import cn.tingfeng.watch.plan.RuleSpec;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the ingest benchmarks share: the 100 plans through the rule editor's bean ({@link PlanEditor}, what
 * {@code POST /api/plans} calls), posts through {@link PostStore#store} (the entry point of every crawler; it queues
 * the post in {@code post_queue} in the same transaction) in transactions of 200, then {@link IncidentPipeline#drain()}
 * timed on its own, and row counts of what came out.
 */
public abstract class IngestBench {
    /** The pipeline as in production minus the background worker: nothing drains until the benchmark says so. */
    public static class QueuedProfile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tingfeng.pipeline.inline", "false", "tingfeng.pipeline.worker-enabled", "false");
        }
    }

    /** Wall seconds of both phases; {@code drainCpuSeconds}: CPU time of the whole JVM during the drain (all threads, GC included). */
    public record Timed(int posts, double storeSeconds, double drainSeconds, int processed, double drainCpuSeconds) {
        public double storeRate() {
            return posts / storeSeconds;
        }

        public double drainRate() {
            return posts / drainSeconds;
        }

        public double endToEndRate() {
            return posts / (storeSeconds + drainSeconds);
        }

        public double drainMsPerPost() {
            return drainSeconds * 1000 / posts;
        }

        public double drainCpuMsPerPost() {
            return drainCpuSeconds * 1000 / posts;
        }
    }

    static final int TX = 200;

    @Inject
    protected PostStore store;
    @Inject
    protected IncidentPipeline pipeline;
    @Inject
    protected PlanEditor editor;
    @Inject
    protected AgroalDataSource ds;
    @Inject
    protected TestSources testSources;

    protected final List<Source> sources = new ArrayList<>();

    /** Creates the corpus' 100 plans; returns the milliseconds it took. */
    protected long createPlans(BenchCorpus corpus, String run) {
        long t0 = System.nanoTime();
        for (BenchCorpus.PlanSpec p : corpus.plans(run)) {
            RuleSpec rule = p.expression() != null ? RuleSpec.of(p.expression(), null)
                    : RuleSpec.of(null, new RuleSpec.Slots(p.regions(), p.subjects(), p.events(), p.exclusions()));
            PlanEditor.CheckResult check = editor.check(p.expression(), p.expression() != null ? null
                    : new RuleSpec.Slots(p.regions(), p.subjects(), p.events(), p.exclusions()));
            if (!check.valid()) {
                throw new IllegalStateException("plan " + p.name() + " does not compile: " + check.errors());
            }
            editor.create(new PlanService.PlanInput(p.name(), rule, null, null, true), "t-analyst");
        }
        return (System.nanoTime() - t0) / 1_000_000;
    }

    /** One source row per site of the corpus (the spread counts distinct sources). */
    protected void createSources(String run) {
        for (String host : BenchCorpus.HOSTS) {
            sources.add(testSources.create("bench-" + run + "-" + host.replace('.', '-')));
        }
    }

    protected Source sourceOf(BenchCorpus.Item it) {
        if (sources.isEmpty()) {
            return null;
        }
        String host = java.net.URI.create(it.url()).getHost();
        for (int i = 0; i < BenchCorpus.HOSTS.length; i++) {
            if (BenchCorpus.HOSTS[i].equals(host)) {
                return sources.get(i);
            }
        }
        return null;
    }

    /** Stores the posts in transactions of 200; returns seconds. */
    protected double storeAll(List<BenchCorpus.Item> items) {
        long t0 = System.nanoTime();
        for (int from = 0; from < items.size(); from += TX) {
            List<BenchCorpus.Item> chunk = items.subList(from, Math.min(items.size(), from + TX));
            QuarkusTransaction.requiringNew().run(() -> {
                for (BenchCorpus.Item it : chunk) {
                    store.store(new PostStore.Incoming(sourceOf(it), it.url(), it.title(), it.body(), it.author(),
                            it.publishedAt(), it.platform(), null));
                }
            });
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Stores, then drains, timing both. */
    protected Timed ingest(List<BenchCorpus.Item> items) {
        double s = storeAll(items);
        long c0 = cpuNanos();
        long t0 = System.nanoTime();
        int processed = pipeline.drain();
        double d = (System.nanoTime() - t0) / 1e9;
        return new Timed(items.size(), s, d, processed, (cpuNanos() - c0) / 1e9);
    }

    /** A measured ingest: the times, where the drain spent them (stack samples), the heap sampled throughout. */
    public record Measured(Timed timed, String profile, HeapSampler heap) {
    }

    /** Stores, then drains, timing both, with the heap sampled throughout and the drain's stacks sampled. */
    protected Measured measured(List<BenchCorpus.Item> items, int profileRows) {
        HeapSampler heap = new HeapSampler();
        try {
            double s = storeAll(items);
            long c0 = cpuNanos();
            long t0 = System.nanoTime();
            int processed;
            String profile;
            try (StackSampler sampler = new StackSampler(StackSampler.pipelineThreads(Thread.currentThread()),
                    IncidentPipeline.class.getName(), 7)) {
                processed = pipeline.drain();
                profile = sampler.report(profileRows);
            }
            return new Measured(new Timed(items.size(), s, (System.nanoTime() - t0) / 1e9, processed,
                    (cpuNanos() - c0) / 1e9), profile, heap);
        } finally {
            heap.close();
        }
    }

    /** Row counts of what the pipeline writes. */
    protected Map<String, Long> counts() {
        Map<String, Long> out = new LinkedHashMap<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            for (String t : List.of("post", "post_queue", "post_match", "post_fingerprint", "incident", "incident_post", "alert",
                    "incident_proposal", "audit_log")) {
                try (ResultSet rs = s.executeQuery("select count(*) from " + t)) {
                    rs.next();
                    out.put(t, rs.getLong(1));
                }
            }
            try (ResultSet rs = s.executeQuery("select count(*) from post_fingerprint where duplicate_of is not null")) {
                rs.next();
                out.put("duplicates", rs.getLong(1));
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    protected static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> d = new LinkedHashMap<>();
        after.forEach((k, v) -> d.put(k, v - before.getOrDefault(k, 0L)));
        return d;
    }

    /**
     * Frees an H2 in-memory database at the end of a benchmark: its URL keeps it alive until the JVM exits
     * ({@code DB_CLOSE_DELAY=-1}), and the benchmarks of one Maven run share the JVM, so a 100k-post archive would
     * otherwise stay in the heap that the next benchmark samples. No-op on PostgreSQL.
     */
    protected void dropH2Database() {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            if (c.getMetaData().getDatabaseProductName().toLowerCase().contains("h2")) {
                s.execute("drop all objects");
            }
        } catch (Exception e) {
            System.out.println("[bench] could not drop the H2 database: " + e);
        }
    }

    /** The heap left after a full collection, in MB: what earlier benchmarks of this JVM still hold. */
    protected static double heapAfterFullGcMb() {
        System.gc();
        return java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0;
    }

    /** CPU time of this JVM so far (all threads). */
    protected static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    protected static String run() {
        return Long.toString(System.nanoTime(), 36);
    }
}
