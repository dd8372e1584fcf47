package cn.tingfeng.tracking.escalation;

import java.time.Instant;

/**
 * The instants at which a clock's steps fall due: reminder (optional) ≤ target ≤ limit ≤ accountability
 * (optional). All deadlines are half-open: at the instant itself the step is due.
 */
public record Ladder(Instant reminderAt, Instant target, Instant limit, Instant accountabilityAt) {

    public Ladder {
        if (target == null || limit == null) throw new IllegalArgumentException("ladder needs target and limit");
        if (limit.isBefore(target)) limit = target;
        if (reminderAt != null && !reminderAt.isBefore(target)) reminderAt = null;
        if (accountabilityAt != null && accountabilityAt.isBefore(limit)) accountabilityAt = limit;
    }

    public Instant at(EscalationStep step) {
        return switch (step) {
            case REMINDER -> reminderAt;
            case URGE -> target;
            case SUPERVISE -> limit;
            case ACCOUNTABILITY -> accountabilityAt;
        };
    }

    /** The deadline a step refers to: the target for reminder and urge, the limit for supervise and accountability. */
    public Instant deadlineOf(EscalationStep step) {
        return step == EscalationStep.REMINDER || step == EscalationStep.URGE ? target : limit;
    }
}
