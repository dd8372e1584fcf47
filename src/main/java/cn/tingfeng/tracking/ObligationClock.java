package cn.tingfeng.tracking;

import cn.tingfeng.tracking.escalation.Ladder;
import cn.tingfeng.tracking.sla.Obligation;

import java.time.Instant;

/**
 * One obligation's clock, derived from the history at an instant.
 *
 * @param key           {@code ack}, {@code firstResponse}, {@code pressConference}, {@code feedback},
 *                      {@code close} or {@code instruction:<id>}
 * @param workingDays   true when the target counts working days (else wall clock)
 * @param start         the anchor instant the clock counts from
 * @param metAt         when the obligation was met, or null
 * @param stoppedAt     when the clock stopped unmet (assignment closed or reassigned), or null;
 *                      its status is frozen as it stood at that instant
 * @param rule          Chinese description of the rule, for supervision records
 * @param ladder        instants of reminder / target / limit / accountability
 * @param nextActionAt  next instant a step is due (may be past = due now), null when none will be
 */
public record ObligationClock(String key, Obligation obligation, String instructionId, boolean workingDays,
                              ClockStatus status, Instant start, Instant target, Instant limit, Instant metAt,
                              Instant stoppedAt, String rule, Ladder ladder, Instant nextActionAt) {

    /** Open = the ladder may still fire: not met and not stopped. */
    public boolean isOpen() {
        return metAt == null && stoppedAt == null;
    }
}
