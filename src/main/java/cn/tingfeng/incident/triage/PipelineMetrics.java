package cn.tingfeng.incident.triage;

import cn.tingfeng.post.queue.PostQueue;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The pipeline in Prometheus: queue depth, lag (age of the oldest unprocessed post), parked posts (gauges, read from
 * the database at most every 5 s, so every node reports the cluster's queue), posts processed, batch time, retries.
 */
@ApplicationScoped
public class PipelineMetrics {
    @Inject
    MeterRegistry registry;
    @Inject
    PostQueue queue;
    @Inject
    Clock clock;

    private Counter processed;
    private Counter retried;
    private Counter parked;
    private Timer batches;
    private final AtomicReference<Cached> cached = new AtomicReference<>();

    private record Cached(PostQueue.Stats stats, long readAtNanos) {
    }

    @PostConstruct
    void init() {
        processed = Counter.builder("tingfeng_pipeline_processed").description("Posts through the monitoring pipeline")
                .register(registry);
        retried = Counter.builder("tingfeng_pipeline_retries").description("Failed attempts that will be retried")
                .register(registry);
        parked = Counter.builder("tingfeng_pipeline_parked_events").description("Posts parked after too many failures")
                .register(registry);
        batches = Timer.builder("tingfeng_pipeline_batch").description("Time per pipeline batch").register(registry);
        Gauge.builder("tingfeng_pipeline_queue_depth", this, m -> m.stats().queued())
                .description("Posts queued for monitoring (not parked)").register(registry);
        Gauge.builder("tingfeng_pipeline_lag_seconds", this, PipelineMetrics::lagSeconds)
                .description("Age of the oldest unprocessed post").register(registry);
        Gauge.builder("tingfeng_pipeline_parked", this, m -> m.stats().parked())
                .description("Posts parked for an administrator").register(registry);
    }

    void processed(int posts, long nanos) {
        processed.increment(posts);
        batches.record(nanos, TimeUnit.NANOSECONDS);
    }

    void failed(boolean parkedNow) {
        (parkedNow ? parked : retried).increment();
    }

    public double processedTotal() {
        return processed.count();
    }

    public double retriedTotal() {
        return retried.count();
    }

    double lagSeconds() {
        return stats().lagSeconds(clock.instant());
    }

    PostQueue.Stats stats() {
        Cached c = cached.get();
        if (c == null || System.nanoTime() - c.readAtNanos() > 5_000_000_000L) {
            try {
                c = new Cached(QuarkusTransaction.requiringNew().call(queue::stats), System.nanoTime());
                cached.set(c);
            } catch (RuntimeException e) {
                return c == null ? new PostQueue.Stats(0, 0, 0, 0, null) : c.stats();
            }
        }
        return c.stats();
    }
}
