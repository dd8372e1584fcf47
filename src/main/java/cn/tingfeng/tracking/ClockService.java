package cn.tingfeng.tracking;

import cn.tingfeng.shared.ApiException;
import cn.tingfeng.tracking.calendar.CalendarService;
import cn.tingfeng.tracking.escalation.EscalationStep;
import cn.tingfeng.tracking.sla.PolicySnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads what the pure {@link ClockDeriver} needs for one assignment (frozen policy, history, steps recorded) and
 * stores the derived clocks into {@code tracking_clock}. Every writer locks the assignment row first, so the
 * workflow and concurrent sweeps on one assignment run one after the other.
 */
@ApplicationScoped
public class ClockService {
    @Inject
    EntityManager em;
    @Inject
    EventRecordRepository events;
    @Inject
    TrackingClockRepository clocks;
    @Inject
    SupervisionRecordRepository supervision;
    @Inject
    CalendarService calendar;

    /** One assignment with everything its clocks derive from. */
    public record Loaded(Assignment assignment, PolicySnapshot policy, List<AssignmentEvent> history,
                         Map<String, Set<EscalationStep>> recorded) {
    }

    public Loaded load(Long assignmentId, boolean lock) {
        Assignment a = lock ? em.find(Assignment.class, assignmentId, LockModeType.PESSIMISTIC_WRITE)
                : em.find(Assignment.class, assignmentId);
        if (a == null) throw ApiException.notFound("交办");
        return load(a);
    }

    public Loaded load(Assignment a) {
        List<AssignmentEvent> history = events.history(a.id).stream().map(EventRecord::toEvent).toList();
        Map<String, Set<EscalationStep>> recorded = new HashMap<>();
        for (SupervisionRecord r : supervision.ofAssignment(a.id)) {
            recorded.computeIfAbsent(r.clockKey, k -> EnumSet.noneOf(EscalationStep.class)).add(EscalationStep.of(r.step));
        }
        return new Loaded(a, PolicySnapshot.fromJson(a.policySnapshot), history, recorded);
    }

    public ClockDeriver deriver() {
        return new ClockDeriver(calendar.calendar());
    }

    public AssignmentClocks derive(Loaded l, Instant now) {
        return deriver().derive(l.policy(), l.history(), l.recorded(), now);
    }

    /** Upserts one row per clock; returns the rows by key (ids needed by supervision records). */
    public Map<String, TrackingClock> store(Long assignmentId, AssignmentClocks derived, Instant now) {
        Map<String, TrackingClock> byKey = new HashMap<>();
        for (TrackingClock c : clocks.ofAssignment(assignmentId)) byKey.put(c.clockKey, c);
        for (ObligationClock c : derived.clocks()) {
            TrackingClock row = byKey.get(c.key());
            if (row == null) {
                row = new TrackingClock();
                row.assignmentId = assignmentId;
                row.clockKey = c.key();
            }
            row.status = c.status().code();
            row.targetAt = c.target();
            row.limitAt = c.limit();
            row.metAt = c.metAt();
            row.nextActionAt = c.nextActionAt();
            row.updatedAt = now;
            if (row.id == null) {
                clocks.persist(row);
                byKey.put(c.key(), row);
            }
        }
        return byKey;
    }
}
