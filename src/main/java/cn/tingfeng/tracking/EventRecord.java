package cn.tingfeng.tracking;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One stored entry of an assignment's append-only history (the pure form is {@link AssignmentEvent}). */
@Entity
@Table(name = "assignment_event")
public class EventRecord {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "assignment_id", nullable = false)
    public Long assignmentId;

    @Column(nullable = false)
    public int seq;

    @Column(nullable = false)
    public String type;

    @Column(nullable = false)
    public Instant at;

    public String actor;

    @Column(name = "event_time")
    public Instant eventTime;

    public String ref;

    public String role;

    public String outcome;

    public String reason;

    /** JSON object with the event's details (channel, url, text, spokesperson …). */
    @Column(length = 20_000)
    public String details;

    /** Responses: the {@link ResponseChannel} code (annual-report classification); null for other events. */
    @Column(name = "channel_kind")
    public String channelKind;

    /** Responses and press conferences: the principal leader (主要负责同志) spoke. */
    @Column(name = "principal_leader", nullable = false)
    public boolean principalLeader;

    public static EventRecord of(Long assignmentId, AssignmentEvent e, String details) {
        EventRecord r = new EventRecord();
        r.assignmentId = assignmentId;
        r.seq = (int) e.seq();
        r.type = e.type().name();
        r.at = e.at();
        r.actor = e.actor();
        r.eventTime = e.time();
        r.ref = e.ref();
        r.role = e.role() == null ? null : e.role().name();
        r.outcome = e.outcome() == null ? null : e.outcome().name();
        r.reason = e.reason();
        r.details = details;
        return r;
    }

    public AssignmentEvent toEvent() {
        return new AssignmentEvent(seq, EventType.valueOf(type), at, actor, eventTime, ref,
                role == null ? null : AssignmentRole.valueOf(role), outcome == null ? null : DisputeOutcome.valueOf(outcome), reason);
    }
}
