package cn.tingfeng.tracking;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** 领导批示: a leader's instruction on an incident, a tracked task of the lead unit with its own clock. */
@Entity
@Table(name = "leader_instruction")
public class LeaderInstruction {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "incident_id", nullable = false)
    public Long incidentId;

    @Column(name = "assignment_id", nullable = false)
    public Long assignmentId;

    @Column(nullable = false, length = 4000)
    public String text;

    /** The leader's explicit deadline, or null for the policy's instruction rule. */
    @Column(name = "due_at")
    public Instant dueAt;

    @Column(name = "issued_by", nullable = false)
    public String issuedBy;

    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Column(name = "completed_by")
    public String completedBy;

    @Column(name = "completion_note", length = 4000)
    public String completionNote;
}
