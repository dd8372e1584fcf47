package cn.tingfeng.tracking.escalation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Decides which ladder steps are due on an open clock. Pure, stateless apart from its settings,
 * thread-safe and allocation-light (the sweep calls it for every due clock).
 *
 * <p>Rules: a step is due when its instant has come ({@code now >= at}), it is not recorded yet, and the
 * clock is still open (not met, not stopped). Each step is issued at most once per clock — the caller
 * records it under a unique key (clock, step). Several steps can fall due together (a sweep that was
 * down, or a target equal to its limit): all are issued, lowest first, because each is a distinct
 * procedural act (Art. 20: 催办, then 督办, then 问责). The one exception is the reminder: once the
 * target has come, or a higher step is recorded, a reminder would announce a deadline already missed,
 * so it is superseded and never issued.
 */
public final class EscalationPolicy {

    private static final EscalationStep[] STEPS = EscalationStep.values();

    private final EscalationSettings settings;

    public EscalationPolicy(EscalationSettings settings) {
        this.settings = settings == null ? EscalationSettings.defaults() : settings;
    }

    public List<DueAction> due(String clockRef, Ladder ladder, boolean open, Set<EscalationStep> recorded, Instant now) {
        if (!open) return List.of();
        List<DueAction> out = null;
        for (EscalationStep step : STEPS) {
            Instant at = ladder.at(step);
            if (at == null || now.isBefore(at) || recorded.contains(step)) continue;
            if (step == EscalationStep.REMINDER && reminderSuperseded(ladder, recorded, now)) continue;
            if (out == null) out = new ArrayList<>(2);
            out.add(new DueAction(clockRef, step, at, ladder.deadlineOf(step), settings.recipients(step)));
        }
        return out == null ? List.of() : out;
    }

    /**
     * The next instant at which a step is due (possibly in the past when a step is due and not yet
     * recorded), or null when nothing more will ever be due. This is the indexed {@code next_action_at}
     * the sweep selects on; recording the steps {@link #due} returns always moves it forward.
     */
    public Instant nextActionAt(Ladder ladder, boolean open, Set<EscalationStep> recorded) {
        if (!open) return null;
        for (EscalationStep step : STEPS) { // ladder instants are non-decreasing in step order
            Instant at = ladder.at(step);
            if (at == null || recorded.contains(step)) continue;
            if (step == EscalationStep.REMINDER && higherRecorded(recorded)) continue;
            return at;
        }
        return null;
    }

    private static boolean reminderSuperseded(Ladder ladder, Set<EscalationStep> recorded, Instant now) {
        return !now.isBefore(ladder.target()) || higherRecorded(recorded);
    }

    private static boolean higherRecorded(Set<EscalationStep> recorded) {
        return recorded.contains(EscalationStep.URGE) || recorded.contains(EscalationStep.SUPERVISE)
                || recorded.contains(EscalationStep.ACCOUNTABILITY);
    }

    public EscalationSettings settings() {
        return settings;
    }
}
