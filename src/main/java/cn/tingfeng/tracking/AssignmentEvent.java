package cn.tingfeng.tracking;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of an assignment's append-only history. Use the factories; unused fields are null.
 *
 * @param seq     position in the history (strictly increasing)
 * @param at      when it was recorded
 * @param time    the effective instant the event states: the incident start (ASSIGNED, START_ADJUSTED),
 *                the publication time (RESPONSE_PUBLISHED), the conference time (PRESS_CONFERENCE_HELD),
 *                an explicit deadline (INSTRUCTION_ISSUED, optional)
 * @param ref     the policy version id (ASSIGNED) or the instruction id (INSTRUCTION_*)
 * @param role    ASSIGNED only
 * @param outcome DISPUTE_DECIDED only
 * @param reason  required for RETURNED, DISPUTED, START_ADJUSTED
 */
public record AssignmentEvent(long seq, EventType type, Instant at, String actor, Instant time, String ref,
                              AssignmentRole role, DisputeOutcome outcome, String reason) {

    public AssignmentEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(at, "at");
    }

    public static AssignmentEvent assigned(long seq, Instant at, String actor, Instant incidentStart,
                                           AssignmentRole role, String policyVersionId) {
        return new AssignmentEvent(seq, EventType.ASSIGNED, at, actor, incidentStart, policyVersionId, role, null, null);
    }

    public static AssignmentEvent acknowledged(long seq, Instant at, String actor) {
        return simple(seq, EventType.ACKNOWLEDGED, at, actor);
    }

    public static AssignmentEvent responsePublished(long seq, Instant at, String actor, Instant publishedAt) {
        return new AssignmentEvent(seq, EventType.RESPONSE_PUBLISHED, at, actor, publishedAt, null, null, null, null);
    }

    public static AssignmentEvent pressConferenceHeld(long seq, Instant at, String actor, Instant heldAt) {
        return new AssignmentEvent(seq, EventType.PRESS_CONFERENCE_HELD, at, actor, heldAt, null, null, null, null);
    }

    public static AssignmentEvent feedbackReported(long seq, Instant at, String actor) {
        return simple(seq, EventType.FEEDBACK_REPORTED, at, actor);
    }

    public static AssignmentEvent closeRequested(long seq, Instant at, String actor) {
        return simple(seq, EventType.CLOSE_REQUESTED, at, actor);
    }

    public static AssignmentEvent closed(long seq, Instant at, String actor) {
        return simple(seq, EventType.CLOSED, at, actor);
    }

    public static AssignmentEvent returned(long seq, Instant at, String actor, String reason) {
        return new AssignmentEvent(seq, EventType.RETURNED, at, actor, null, null, null, null, reason);
    }

    public static AssignmentEvent disputed(long seq, Instant at, String actor, String reason) {
        return new AssignmentEvent(seq, EventType.DISPUTED, at, actor, null, null, null, null, reason);
    }

    public static AssignmentEvent disputeDecided(long seq, Instant at, String actor, DisputeOutcome outcome, String reason) {
        return new AssignmentEvent(seq, EventType.DISPUTE_DECIDED, at, actor, null, null, null, outcome, reason);
    }

    public static AssignmentEvent startAdjusted(long seq, Instant at, String actor, Instant newStart, String reason) {
        return new AssignmentEvent(seq, EventType.START_ADJUSTED, at, actor, newStart, null, null, null, reason);
    }

    /** @param dueAt the leader's explicit deadline, or null to use the policy's instruction rule */
    public static AssignmentEvent instructionIssued(long seq, Instant at, String actor, String instructionId, Instant dueAt) {
        return new AssignmentEvent(seq, EventType.INSTRUCTION_ISSUED, at, actor, dueAt, instructionId, null, null, null);
    }

    public static AssignmentEvent instructionCompleted(long seq, Instant at, String actor, String instructionId) {
        return new AssignmentEvent(seq, EventType.INSTRUCTION_COMPLETED, at, actor, null, instructionId, null, null, null);
    }

    private static AssignmentEvent simple(long seq, EventType type, Instant at, String actor) {
        return new AssignmentEvent(seq, type, at, actor, null, null, null, null, null);
    }
}
