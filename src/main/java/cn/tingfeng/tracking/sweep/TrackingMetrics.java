package cn.tingfeng.tracking.sweep;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What leaders and operators watch in Prometheus/Grafana: open clocks by status, escalations by ladder step,
 * sweep duration. An unmet clock of a closed or reassigned assignment has stopped: it counts as {@code stopped},
 * never under the running statuses. Clock counts are refreshed from the database every 30 s (a count over an indexed table), never
 * on the scrape thread.
 */
@ApplicationScoped
public class TrackingMetrics {
    static final List<String> STATUSES = List.of("pending", "warning", "overdue", "met", "late", "breached", "stopped");
    static final List<String> STEPS = List.of("reminder", "urge", "supervise", "accountability");

    @Inject
    MeterRegistry registry;
    @Inject
    EntityManager em;

    private final Map<String, AtomicLong> clocks = new ConcurrentHashMap<>();
    private final Map<String, Counter> escalations = new ConcurrentHashMap<>();
    private Timer sweepTimer;

    @PostConstruct
    void register() {
        for (String status : STATUSES) {
            AtomicLong v = clocks.computeIfAbsent(status, s -> new AtomicLong());
            Gauge.builder("tingfeng.sla.clocks", v, AtomicLong::get).tag("status", status)
                    .description("SLA clocks by status").register(registry);
        }
        for (String step : STEPS) {
            escalations.put(step, Counter.builder("tingfeng.supervision.records").tag("type", step)
                    .description("Supervision records written by the SLA sweep").register(registry));
        }
        sweepTimer = Timer.builder("tingfeng.sla.sweep").description("Duration of one SLA sweep").register(registry);
    }

    void recorded(SweepService.SweepReport report) {
        sweepTimer.record(Duration.ofMillis(report.totalMillis()));
        for (SweepService.Fired f : report.created()) {
            Counter c = escalations.get(f.type());
            if (c != null) {
                c.increment();
            }
        }
    }

    @Scheduled(every = "30s", delayed = "10s", identity = "sla-metrics", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        String ended = "select a.id from Assignment a where a.status in ('closed', 'reassigned')";
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select c.status, count(c) from TrackingClock c where c.metAt is not null or c.assignmentId not in (" + ended + ")"
                        + " group by c.status", Object[].class).getResultList());
        long stopped = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select count(c) from TrackingClock c where c.metAt is null and c.assignmentId in (" + ended + ")", Long.class)
                .getSingleResult());
        clocks.values().forEach(v -> v.set(0));
        clocks.get("stopped").set(stopped);
        for (Object[] r : rows) {
            AtomicLong v = clocks.get((String) r[0]);
            if (v != null) {
                v.set(((Number) r[1]).longValue());
            }
        }
    }
}
