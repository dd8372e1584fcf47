package cn.tingfeng.tracking;

import cn.tingfeng.incident.Incident;
import cn.tingfeng.jurisdiction.Territory;
import cn.tingfeng.jurisdiction.TerritoryRepository;
import cn.tingfeng.security.CurrentUser;
import cn.tingfeng.shared.ApiException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Read models of the tracker at the API edge (records, never entities), with clocks derived live at "now". */
@ApplicationScoped
public class TrackingViews {
    private static final ObjectMapper JSON = new ObjectMapper();

    public record ClockView(String status, Instant target, Instant limit, Instant metAt, Instant stoppedAt,
                            boolean workingDays, Instant nextActionAt, String rule) {
    }

    public record SupervisionView(Long id, String type, String clock, String rule, Instant deadline, Instant dueAt,
                                  List<String> recipients, String subject, Instant createdAt, Instant acknowledgedAt,
                                  String acknowledgedBy, Long assignmentId, Long incidentId, String incidentTitle,
                                  Long unitId, String unitName) {
    }

    public record EventView(int seq, String type, Instant at, String actor, Instant time, String reason, String ref,
                            Map<String, Object> details) {
    }

    public record AssignmentView(Long id, Long incidentId, String incidentTitle, Long unitId, String unitName, String role,
                                 String status, Instant assignedAt, String assignedBy, String policyVersion,
                                 Map<String, ClockView> clocks, List<SupervisionView> supervision, List<EventView> history) {
    }

    public record InstructionView(Long id, Long assignmentId, String text, Instant dueAt, String issuedBy, Instant issuedAt,
                                  Instant completedAt, String completedBy, String completionNote) {
    }

    public record IncidentView(Long id, String title, String summary, String grade, String status, Instant startedAt,
                               String territory, Instant createdAt, String createdBy, List<AssignmentView> assignments,
                               List<InstructionView> instructions) {
    }

    @Inject
    ClockService clocks;
    @Inject
    AssignmentRepository assignments;
    @Inject
    EventRecordRepository events;
    @Inject
    SupervisionRecordRepository supervision;
    @Inject
    LeaderInstructionRepository instructions;
    @Inject
    TerritoryRepository territories;
    @Inject
    CurrentUser user;
    @Inject
    Clock clock;

    /** The incident with its assignments; a department user sees it only when assigned, and only its own assignment. */
    @Transactional
    public IncidentView incident(Incident i) {
        List<Assignment> all = assignments.list("incident.id = ?1 order by id", i.id);
        List<Assignment> visible = all;
        if (user.isConfinedToUnit()) {
            Long unit = user.unitId().orElse(-1L);
            visible = all.stream().filter(a -> a.unit.id.equals(unit)).toList();
            if (visible.isEmpty()) throw ApiException.forbidden("只能查看交办给本单位的舆情事件");
        }
        List<Long> ids = visible.stream().map(a -> a.id).toList();
        return new IncidentView(i.id, i.title, i.summary, i.grade == null ? null : i.grade.name(), i.status, i.startedAt,
                territoryName(i.territoryId), i.createdAt, i.createdBy,
                visible.stream().map(a -> assignment(a, true)).toList(),
                instructions.ofIncident(i.id).stream().filter(n -> ids.contains(n.assignmentId)).map(TrackingViews::instruction).toList());
    }

    private String territoryName(Long territoryId) {
        if (territoryId == null) return null;
        Territory t = territories.findById(territoryId);
        return t == null ? null : t.name;
    }

    /** By id: 404 when unknown; a department user sees it only when assigned (see {@link #incident(Incident)}). */
    @Transactional
    public IncidentView incident(Long id) {
        Incident i = assignments.getEntityManager().find(Incident.class, id);
        if (i == null) throw ApiException.notFound("舆情事件");
        return incident(i);
    }

    /** The queue of the caller's unit (a department user): open items first, newest first, at most 500. */
    @Transactional
    public List<AssignmentView> unitQueue() {
        Long unit = user.unitId().orElse(-1L);
        return assignments.list("unit.id = ?1 order by case when status in ('closed', 'reassigned') then 1 else 0 end, id desc", unit)
                .stream().limit(500).map(a -> assignment(a, false)).toList();
    }

    @Transactional
    public AssignmentView assignment(Long id) {
        return assignment(assignments.findByIdOptional(id).orElseThrow(() -> ApiException.notFound("交办")), true);
    }

    public AssignmentView assignment(Assignment a, boolean withHistory) {
        ClockService.Loaded l = clocks.load(a);
        AssignmentClocks derived = clocks.derive(l, clock.instant());
        Map<String, ClockView> cv = new LinkedHashMap<>();
        for (ObligationClock c : derived.clocks()) {
            cv.put(c.key(), new ClockView(c.status().code(), c.target(), c.limit(), c.metAt(), c.stoppedAt(), c.workingDays(),
                    c.nextActionAt(), c.rule()));
        }
        List<EventView> history = withHistory ? events.history(a.id).stream().map(TrackingViews::event).toList() : List.of();
        return new AssignmentView(a.id, a.incident.id, a.incident.title, a.unit.id, a.unit.name, a.role, a.status, a.assignedAt,
                a.assignedBy, a.policyVersion, cv, supervision.ofAssignment(a.id).stream().map(r -> supervision(r, a)).toList(), history);
    }

    /** The supervision office's list: open records (not acknowledged) or all, newest first, at most 1000. */
    @Transactional
    public List<SupervisionView> supervisionRecords(boolean openOnly) {
        List<SupervisionRecord> rs = openOnly ? supervision.open(1000) : supervision.all(1000);
        return rs.stream().map(r -> supervision(r, assignments.findById(r.assignmentId))).toList();
    }

    public static SupervisionView supervision(SupervisionRecord r, Assignment a) {
        return new SupervisionView(r.id, r.step, r.clockKey, r.ruleText, r.deadline, r.dueAt, Arrays.asList(r.recipients.split(",")),
                r.subject, r.createdAt, r.acknowledgedAt, r.acknowledgedBy, r.assignmentId, a.incident.id, a.incident.title,
                a.unit.id, a.unit.name);
    }

    static InstructionView instruction(LeaderInstruction n) {
        return new InstructionView(n.id, n.assignmentId, n.text, n.dueAt, n.issuedBy, n.issuedAt, n.completedAt, n.completedBy,
                n.completionNote);
    }

    @SuppressWarnings("unchecked")
    static EventView event(EventRecord e) {
        Map<String, Object> details = null;
        if (e.details != null) {
            try {
                details = JSON.readValue(e.details, Map.class);
            } catch (Exception ex) {
                details = Map.of("raw", e.details);
            }
        }
        return new EventView(e.seq, e.type, e.at, e.actor, e.eventTime, e.reason, e.ref, details);
    }
}
