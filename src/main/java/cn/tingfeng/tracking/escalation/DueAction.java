package cn.tingfeng.tracking.escalation;

import java.time.Instant;
import java.util.List;

/**
 * A step due now on one clock: becomes exactly one supervision record (unique on clockRef + step).
 *
 * @param clockRef   caller's reference of the clock (e.g. {@code "42/firstResponse"})
 * @param dueAt      the instant the step fell due
 * @param deadline   the deadline approaching (reminder) or missed (the others)
 */
public record DueAction(String clockRef, EscalationStep step, Instant dueAt, Instant deadline, List<Recipient> recipients) {
}
