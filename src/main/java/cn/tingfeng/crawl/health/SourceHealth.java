package cn.tingfeng.crawl.health;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** How a source is doing: updated after each run. The key is the source's id. */
@Entity
@Table(name = "source_health")
public class SourceHealth {
    @Id
    @Column(name = "source_id")
    public Long sourceId;

    @Column(name = "last_run_at")
    public Instant lastRunAt;

    @Column(name = "last_success_at")
    public Instant lastSuccessAt;

    @Column(name = "last_duration_ms")
    public Long lastDurationMs;

    @Column(name = "last_items_seen", nullable = false)
    public int lastItemsSeen;

    @Column(name = "last_items_new", nullable = false)
    public int lastItemsNew;

    @Column(name = "last_items_updated", nullable = false)
    public int lastItemsUpdated;

    @Column(name = "last_error")
    public String lastError;

    @Column(nullable = false)
    public long runs;

    @Column(name = "items_seen", nullable = false)
    public long itemsSeen;

    @Column(name = "items_new", nullable = false)
    public long itemsNew;

    @Column(name = "consecutive_failures", nullable = false)
    public int consecutiveFailures;

    /** Sum over new posts with a publication time of (collected − published), in seconds. */
    @Column(name = "latency_seconds_sum", nullable = false)
    public long latencySecondsSum;

    @Column(name = "latency_count", nullable = false)
    public long latencyCount;

    public Double averageLatencySeconds() {
        return latencyCount == 0 ? null : (double) latencySecondsSum / latencyCount;
    }
}
