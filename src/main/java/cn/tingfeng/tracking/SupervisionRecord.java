package cn.tingfeng.tracking;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One step of the ladder on one clock (提醒 / 催办 / 督办 / 问责); unique on (clock, step). */
@Entity
@Table(name = "supervision_record")
public class SupervisionRecord {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "clock_id", nullable = false)
    public Long clockId;

    @Column(name = "assignment_id", nullable = false)
    public Long assignmentId;

    @Column(name = "clock_key", nullable = false)
    public String clockKey;

    /** reminder | urge | supervise | accountability */
    @Column(nullable = false)
    public String step;

    @Column(name = "rule_text", nullable = false)
    public String ruleText;

    /** The deadline approaching (reminder) or missed. */
    @Column(nullable = false)
    public Instant deadline;

    /** When the step fell due. */
    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    /** Comma-separated recipient codes (unit, analyst, supervision-office …). */
    @Column(nullable = false)
    public String recipients;

    public String subject;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    @Column(name = "acknowledged_by")
    public String acknowledgedBy;
}
