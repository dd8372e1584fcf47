package cn.tingfeng.crawl.health;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Crawl metrics tagged by source: {@code tingfeng_crawl_items_total{source,outcome}},
 * {@code tingfeng_crawl_runs_total{source,result}}, {@code tingfeng_crawl_errors_total{source,kind}} and the gauges
 * {@code tingfeng_source_consecutive_failures{source}} and {@code tingfeng_source_failing{source}} (1 when flagged).
 */
@ApplicationScoped
public class CrawlMetrics {
    @Inject
    MeterRegistry registry;

    /** Strong references: Micrometer holds gauge objects weakly. */
    private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> failing = new ConcurrentHashMap<>();

    public void items(String source, String outcome, int n) {
        if (n > 0) {
            registry.counter("tingfeng.crawl.items", Tags.of("source", source, "outcome", outcome)).increment(n);
        }
    }

    public void run(String source, boolean failed) {
        registry.counter("tingfeng.crawl.runs", Tags.of("source", source, "result", failed ? "failed" : "ok")).increment();
    }

    public void errors(String source, String kind, int n) {
        registry.counter("tingfeng.crawl.errors", Tags.of("source", source, "kind", kind)).increment(n);
    }

    /** Sets the health gauges of a source (registering them on first sight). */
    public void health(String source, int consecutiveFailures, boolean isFailing) {
        failures.computeIfAbsent(source, s -> registry.gauge("tingfeng.source.consecutive.failures", Tags.of("source", s),
                new AtomicInteger())).set(consecutiveFailures);
        failing.computeIfAbsent(source, s -> registry.gauge("tingfeng.source.failing", Tags.of("source", s),
                new AtomicInteger())).set(isFailing ? 1 : 0);
    }
}
