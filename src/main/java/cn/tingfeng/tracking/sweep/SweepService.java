package cn.tingfeng.tracking.sweep;

import cn.tingfeng.audit.AuditLog;
import cn.tingfeng.audit.CanonicalJson;
import cn.tingfeng.tracking.Assignment;
import cn.tingfeng.tracking.AssignmentClocks;
import cn.tingfeng.tracking.ClockService;
import cn.tingfeng.tracking.ObligationClock;
import cn.tingfeng.tracking.SupervisionRecord;
import cn.tingfeng.tracking.SupervisionRecordRepository;
import cn.tingfeng.tracking.TrackingClock;
import cn.tingfeng.tracking.TrackingClockRepository;
import cn.tingfeng.tracking.TrackingConfig;
import cn.tingfeng.tracking.escalation.DueAction;
import cn.tingfeng.tracking.escalation.EscalationStep;
import cn.tingfeng.tracking.escalation.MessageTemplates;
import cn.tingfeng.tracking.escalation.Recipient;
import cn.tingfeng.tracking.notify.Notice;
import cn.tingfeng.tracking.notify.Notifier;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * One SLA sweep: select the assignments with a clock due by the index on {@code next_action_at}, then per assignment,
 * in its own transaction with the assignment row locked, apply the pure escalation policy, insert one supervision
 * record per due step (unique on clock + step), move {@code next_action_at} on, and append to the audit log; notify
 * after the commit. A concurrent sweep (another thread or instance) that loses the race either finds nothing due
 * after the lock, or hits the unique key and rolls back its transaction for that assignment: counted, ignored.
 */
@ApplicationScoped
public class SweepService {
    private static final Logger LOG = Logger.getLogger(SweepService.class);

    @Inject
    TrackingClockRepository clocks;
    @Inject
    SupervisionRecordRepository records;
    @Inject
    ClockService clockService;
    @Inject
    AuditLog audit;
    @Inject
    Notifier notifier;
    @Inject
    TrackingConfig config;
    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    TrackingMetrics metrics;

    public record Fired(Long recordId, Long assignmentId, String clock, String type, Instant deadline, Instant dueAt) {
    }

    public record SweepReport(Instant at, int assignmentsDue, List<Fired> created, int duplicatesIgnored, int failed,
                              long selectMillis, long totalMillis) {
    }

    private record Outcome(List<Fired> fired, List<Notice> notices) {
    }

    public SweepReport sweep() {
        Instant now = CanonicalJson.micros(clock.instant());
        long t0 = System.nanoTime();
        Set<Long> due = new LinkedHashSet<>(QuarkusTransaction.requiringNew()
                .call(() -> clocks.dueAssignmentIds(now, config.sweep().batchSize())));
        long t1 = System.nanoTime();
        List<Fired> fired = new ArrayList<>();
        int duplicates = 0;
        int failed = 0;
        for (Long id : due) {
            try {
                Outcome o = QuarkusTransaction.requiringNew().call(() -> process(id, now));
                fired.addAll(o.fired());
                for (Notice n : o.notices()) notifier.send(n);
            } catch (RuntimeException e) {
                if (isUniqueViolation(e)) {
                    duplicates++;
                    LOG.debugf("assignment %d: supervision record already written by a concurrent sweep", id);
                } else {
                    failed++;
                    LOG.errorf(e, "SLA sweep failed for assignment %d", id);
                }
            }
        }
        long t2 = System.nanoTime();
        SweepReport report = new SweepReport(now, due.size(), fired, duplicates, failed, (t1 - t0) / 1_000_000,
                (t2 - t0) / 1_000_000);
        metrics.recorded(report);
        return report;
    }

    private Outcome process(Long assignmentId, Instant now) {
        ClockService.Loaded l = clockService.load(assignmentId, true);
        AssignmentClocks derived = clockService.derive(l, now);
        List<DueAction> due = clockService.deriver().dueActions(String.valueOf(assignmentId), l.policy(), derived, l.recorded(), now);
        Map<String, Set<EscalationStep>> recorded = new HashMap<>();
        l.recorded().forEach((k, v) -> recorded.put(k, EnumSet.copyOf(v)));
        for (DueAction d : due) {
            recorded.computeIfAbsent(clockKey(d), k -> EnumSet.noneOf(EscalationStep.class)).add(d.step());
        }
        AssignmentClocks after = due.isEmpty() ? derived : clockService.deriver().derive(l.policy(), l.history(), recorded, now);
        Map<String, TrackingClock> rows = clockService.store(assignmentId, after, now);
        Assignment a = l.assignment();
        List<Fired> fired = new ArrayList<>();
        List<Notice> notices = new ArrayList<>();
        List<SupervisionRecord> created = new ArrayList<>();
        for (DueAction d : due) {
            ObligationClock c = derived.clock(clockKey(d)).orElseThrow();
            SupervisionRecord r = new SupervisionRecord();
            r.clockId = rows.get(c.key()).id;
            r.assignmentId = assignmentId;
            r.clockKey = c.key();
            r.step = d.step().code();
            r.ruleText = c.rule();
            r.deadline = d.deadline();
            r.dueAt = d.dueAt();
            r.recipients = d.recipients().stream().map(Recipient::code).collect(Collectors.joining(","));
            r.createdAt = now;
            MessageTemplates.Context ctx = new MessageTemplates.Context(a.incident.title, a.unit.name, c.obligation().label(),
                    c.rule(), c.target(), c.limit(), config.notifications().baseUrl() + "/app/incidents/" + a.incident.id);
            r.subject = truncate(MessageTemplates.defaults().render(d.step(), ctx, now).subject(), 1000);
            records.persist(r);
            created.add(r);
            notices.add(new Notice(null, d.step(), a.incident.id, a.unit.id, a.unit.name, d.recipients(), ctx, now));
        }
        em.flush(); // a unique-key clash with a concurrent sweep surfaces here and rolls this assignment back
        for (int i = 0; i < created.size(); i++) {
            SupervisionRecord r = created.get(i);
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("recordId", r.id);
            p.put("clock", r.clockKey);
            p.put("step", r.step);
            p.put("rule", r.ruleText);
            p.put("deadline", r.deadline);
            p.put("dueAt", r.dueAt);
            p.put("recipients", r.recipients);
            p.put("incidentId", a.incident.id);
            p.put("unitId", a.unit.id);
            audit.append("system", "supervision." + r.step, "assignment", assignmentId, p);
            fired.add(new Fired(r.id, assignmentId, r.clockKey, r.step, r.deadline, r.dueAt));
            Notice n = notices.get(i);
            notices.set(i, new Notice(r.id, n.step(), n.incidentId(), n.unitId(), n.unitName(), n.recipients(), n.context(), n.dueAt()));
        }
        return new Outcome(fired, notices);
    }

    /** {@link DueAction#clockRef()} is {@code "<assignmentId>/<clockKey>"}. */
    private static String clockKey(DueAction d) {
        return d.clockRef().substring(d.clockRef().indexOf('/') + 1);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && "23505".equals(s.getSQLState())) return true;
            if (t instanceof org.hibernate.exception.ConstraintViolationException cv && "23505".equals(cv.getSQLState())) return true;
            if (t.getCause() == t) break;
        }
        return false;
    }
}
