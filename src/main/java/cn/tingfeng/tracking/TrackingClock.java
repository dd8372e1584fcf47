package cn.tingfeng.tracking;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The stored state of one obligation clock, refreshed from {@link ClockDeriver} after every event and sweep.
 * {@code nextActionAt} (indexed) is what the sweep selects on; null = nothing will ever be due.
 */
@Entity
@Table(name = "tracking_clock")
public class TrackingClock {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "assignment_id", nullable = false)
    public Long assignmentId;

    @Column(name = "clock_key", nullable = false)
    public String clockKey;

    @Column(nullable = false)
    public String status;

    @Column(name = "target_at", nullable = false)
    public Instant targetAt;

    @Column(name = "limit_at", nullable = false)
    public Instant limitAt;

    @Column(name = "met_at")
    public Instant metAt;

    @Column(name = "next_action_at")
    public Instant nextActionAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
