package cn.tingfeng.tracking;

import cn.tingfeng.audit.AuditLog;
import cn.tingfeng.audit.CanonicalJson;
import cn.tingfeng.incident.Incident;
import cn.tingfeng.jurisdiction.Territory;
import cn.tingfeng.jurisdiction.Unit;
import cn.tingfeng.jurisdiction.UnitRepository;
import cn.tingfeng.security.CurrentUser;
import cn.tingfeng.shared.ApiException;
import cn.tingfeng.tracking.sla.PolicyService;
import cn.tingfeng.tracking.sla.PolicySnapshot;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * The workflow 交办 → 签收 → 回应 → 发布会 → 反馈 → 办结: each act appends one event to the assignment's history
 * (validated by replaying it through {@link ClockDeriver}), refreshes the stored clocks and appends to the audit
 * log, all in one transaction. Department acts require a user of the assignment's own unit.
 */
@ApplicationScoped
public class AssignmentService {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EntityManager em;
    @Inject
    ClockService clocks;
    @Inject
    EventRecordRepository events;
    @Inject
    AssignmentRepository assignments;
    @Inject
    UnitRepository units;
    @Inject
    PolicyService policies;
    @Inject
    AuditLog audit;
    @Inject
    CurrentUser user;
    @Inject
    Clock clock;

    Instant now() {
        return CanonicalJson.micros(clock.instant());
    }

    @Transactional
    public Assignment assign(Long incidentId, Long unitId, AssignmentRole role) {
        Incident incident = em.find(Incident.class, incidentId, LockModeType.PESSIMISTIC_WRITE);
        if (incident == null) throw ApiException.notFound("舆情事件");
        return assign(incident, unitId, role, user.username());
    }

    Assignment assign(Incident incident, Long unitId, AssignmentRole role, String actor) {
        if (incident.grade == null) throw ApiException.conflict("舆情事件尚未定级，不能交办");
        Unit unit = units.findByIdOptional(unitId).orElseThrow(() -> ApiException.badRequest("unitId", "承办单位不存在"));
        if (assignments.count("incident.id = ?1 and unit.id = ?2", incident.id, unitId) > 0) {
            throw ApiException.conflict("该单位已承办此舆情事件");
        }
        if (role == AssignmentRole.LEAD && assignments.count("incident.id = ?1 and role = 'lead' and status not in ('closed', 'reassigned')",
                incident.id) > 0) {
            throw ApiException.conflict("此舆情事件已有牵头单位");
        }
        Instant now = now();
        Territory place = incident.territoryId == null ? null : em.find(Territory.class, incident.territoryId);
        String jurisdiction = place != null ? place.jurisdiction : unit.territory.jurisdiction;
        PolicySnapshot policy = policies.resolve(jurisdiction, incident.grade);
        Assignment a = new Assignment();
        a.incident = incident;
        a.unit = unit;
        a.role = role == AssignmentRole.LEAD ? Assignment.LEAD : Assignment.CO;
        a.assignedBy = actor;
        a.assignedAt = now;
        a.status = "active";
        a.policyVersion = policy.versionId();
        a.policySnapshot = policy.toJson();
        assignments.persist(a);
        AssignmentEvent e = AssignmentEvent.assigned(1, now, actor, CanonicalJson.micros(incident.startedAt), role, policy.versionId());
        ClockService.Loaded empty = new ClockService.Loaded(a, policy, List.of(), Map.of());
        record(empty, e, null, actor, "assignment.created", payload("incidentId", incident.id, "unitId", unit.id,
                "unit", unit.name, "role", a.role, "policyVersion", policy.versionId(), "incidentStart", e.time()));
        incident.status = Incident.ASSIGNED;
        incident.updatedAt = now;
        return a;
    }

    /** An act of the assigned unit (department user of that unit only). */
    @Transactional
    public AssignmentClocks unitAct(Long assignmentId, LongFunction<AssignmentEvent> event, Map<String, Object> details,
                                    String action) {
        ClockService.Loaded l = clocks.load(assignmentId, true);
        user.requireMemberOf(l.assignment().unit.id);
        return record(l, event.apply(nextSeq(l)), details, user.username(), action, details);
    }

    /** An act of the analyst (close, return, dispute decision, start adjustment) or leader. */
    @Transactional
    public AssignmentClocks officeAct(Long assignmentId, LongFunction<AssignmentEvent> event, Map<String, Object> details,
                                      String action) {
        ClockService.Loaded l = clocks.load(assignmentId, true);
        return record(l, event.apply(nextSeq(l)), details, user.username(), action, details);
    }

    /** Validates {@code e} against the history, stores it, refreshes the clocks, appends to the audit log. */
    AssignmentClocks record(ClockService.Loaded l, AssignmentEvent e, Map<String, Object> details, String actor, String action,
                            Map<String, Object> auditPayload) {
        Instant now = e.at();
        List<AssignmentEvent> history = new ArrayList<>(l.history());
        history.add(e);
        AssignmentClocks derived;
        try {
            derived = clocks.deriver().derive(l.policy(), history, l.recorded(), now);
        } catch (IllegalStateException ex) {
            throw ApiException.conflict(ex.getMessage());
        }
        Assignment a = l.assignment();
        EventRecord stored = EventRecord.of(a.id, e, details == null || details.isEmpty() ? null : json(details));
        if (details != null) {
            stored.channelKind = (String) details.get("channelKind");
            stored.principalLeader = Boolean.TRUE.equals(details.get("principalLeader"));
        }
        events.persist(stored);
        a.status = derived.state().name().toLowerCase();
        clocks.store(a.id, derived, now);
        Map<String, Object> p = new LinkedHashMap<>(auditPayload == null ? Map.of() : auditPayload);
        p.put("event", e.type().name());
        p.put("eventSeq", e.seq());
        if (e.time() != null) p.put("time", e.time());
        if (e.reason() != null) p.put("reason", e.reason());
        if (e.outcome() != null) p.put("outcome", e.outcome().name());
        if (e.ref() != null) p.put("ref", e.ref());
        audit.append(actor, action, "assignment", a.id, p);
        return derived;
    }

    static long nextSeq(ClockService.Loaded l) {
        return l.history().isEmpty() ? 1 : l.history().get(l.history().size() - 1).seq() + 1;
    }

    static Map<String, Object> payload(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            if (kv[i + 1] != null) m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static String json(Map<String, Object> details) {
        try {
            Map<String, Object> m = new LinkedHashMap<>();
            details.forEach((k, v) -> m.put(k, v instanceof Instant t ? t.toString() : v));
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
