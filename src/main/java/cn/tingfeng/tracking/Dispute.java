package cn.tingfeng.tracking;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** 申请改派: a unit disputes its assignment; the analyst upholds it or reassigns the incident. */
@Entity
@Table(name = "assignment_dispute")
public class Dispute {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "assignment_id", nullable = false)
    public Long assignmentId;

    @Column(nullable = false, length = 2000)
    public String reason;

    @Column(name = "raised_by", nullable = false)
    public String raisedBy;

    @Column(name = "raised_at", nullable = false)
    public Instant raisedAt;

    /** null while open, else ASSIGNMENT_UPHELD | REASSIGNED. */
    public String outcome;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decision_reason", length = 2000)
    public String decisionReason;

    @Column(name = "new_assignment_id")
    public Long newAssignmentId;
}
