package cn.tingfeng.tracking;

import static cn.tingfeng.tracking.AssignmentService.payload;

import cn.tingfeng.audit.CanonicalJson;
import cn.tingfeng.incident.Incident;
import cn.tingfeng.security.CurrentUser;
import cn.tingfeng.shared.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One method per act of the workflow; each is one transaction through {@link AssignmentService}. */
@ApplicationScoped
public class Workflow {
    @Inject
    AssignmentService service;
    @Inject
    DisputeRepository disputes;
    @Inject
    LeaderInstructionRepository instructions;
    @Inject
    AssignmentRepository assignments;
    @Inject
    CurrentUser user;
    @Inject
    EntityManager em;
    @Inject
    ClockService clocks;

    public AssignmentClocks ack(Long id) {
        return service.unitAct(id, seq -> AssignmentEvent.acknowledged(seq, service.now(), user.username()), null,
                "assignment.acknowledged");
    }

    public AssignmentClocks respond(Long id, Instant publishedAt, String channel, String url, String text) {
        return respond(id, publishedAt, channel, null, false, url, text);
    }

    /**
     * 回应. {@code channelKind} classifies the channel for the annual report (null = inferred from {@code channel});
     * {@code principalLeader}: the principal leader spoke (e.g. in an on-line interview).
     */
    public AssignmentClocks respond(Long id, Instant publishedAt, String channel, ResponseChannel channelKind,
                                    boolean principalLeader, String url, String text) {
        return respond(id, publishedAt, channel, channelKind, principalLeader, url, text, null);
    }

    /**
     * 回应 with attachments: {@code attachments} (id, name, sha256, size, type of each stored file, or null) go into the
     * event's details and so into the audit chain (see {@code tracking.attachment.AttachmentService}).
     */
    public AssignmentClocks respond(Long id, Instant publishedAt, String channel, ResponseChannel channelKind,
                                    boolean principalLeader, String url, String text, List<Map<String, Object>> attachments) {
        Instant at = stated(publishedAt, "publishedAt");
        ResponseChannel kind = channelKind != null ? channelKind : ResponseChannel.infer(channel);
        return service.unitAct(id, seq -> AssignmentEvent.responsePublished(seq, service.now(), user.username(), at),
                payload("publishedAt", at, "channel", channel, "channelKind", kind.code(), "principalLeader", principalLeader,
                        "url", url, "text", text, "attachments", attachments), "assignment.response");
    }

    public AssignmentClocks pressConference(Long id, Instant heldAt, String spokesperson, String url) {
        return pressConference(id, heldAt, spokesperson, false, url);
    }

    /** 新闻发布会; {@code principalLeader}: the principal leader (主要负责同志) took part. */
    public AssignmentClocks pressConference(Long id, Instant heldAt, String spokesperson, boolean principalLeader, String url) {
        Instant at = stated(heldAt, "heldAt");
        return service.unitAct(id, seq -> AssignmentEvent.pressConferenceHeld(seq, service.now(), user.username(), at),
                payload("heldAt", at, "spokesperson", spokesperson, "principalLeader", principalLeader, "url", url),
                "assignment.press-conference");
    }

    public AssignmentClocks feedback(Long id, String text) {
        return feedback(id, text, null);
    }

    /** 反馈 with attachments (as {@link #respond(Long, Instant, String, ResponseChannel, boolean, String, String, List)}). */
    public AssignmentClocks feedback(Long id, String text, List<Map<String, Object>> attachments) {
        return service.unitAct(id, seq -> AssignmentEvent.feedbackReported(seq, service.now(), user.username()),
                payload("text", text, "attachments", attachments), "assignment.feedback");
    }

    /** 申请办结; 400 with the Chinese reason when no authoritative response was recorded where one was due ({@link CloseRequestRule}). */
    @Transactional
    public AssignmentClocks requestClose(Long id) {
        ClockService.Loaded l = clocks.load(id, true);
        user.requireMemberOf(l.assignment().unit.id);
        CloseRequestRule.refusal(clocks.derive(l, service.now())).ifPresent(reason -> {
            throw ApiException.badRequest("response", reason);
        });
        return service.unitAct(id, seq -> AssignmentEvent.closeRequested(seq, service.now(), user.username()), null,
                "assignment.close-requested");
    }

    @Transactional
    public AssignmentClocks dispute(Long id, String reason) {
        AssignmentClocks c = service.unitAct(id, seq -> AssignmentEvent.disputed(seq, service.now(), user.username(), reason),
                payload("reason", reason), "assignment.disputed");
        Dispute d = new Dispute();
        d.assignmentId = id;
        d.reason = reason;
        d.raisedBy = user.username();
        d.raisedAt = service.now();
        disputes.persist(d);
        return c;
    }

    @Transactional
    public AssignmentClocks close(Long id) {
        AssignmentClocks c = service.officeAct(id, seq -> AssignmentEvent.closed(seq, service.now(), user.username()), null,
                "assignment.closed");
        Assignment a = assignments.findById(id);
        if (assignments.count("incident.id = ?1 and status not in ('closed', 'reassigned')", a.incident.id) == 0) {
            a.incident.status = Incident.CLOSED;
            a.incident.updatedAt = service.now();
        }
        return c;
    }

    public AssignmentClocks returnForRework(Long id, String reason) {
        return service.officeAct(id, seq -> AssignmentEvent.returned(seq, service.now(), user.username(), reason),
                payload("reason", reason), "assignment.returned");
    }

    /** The analyst's decision on the open dispute; on 改派 the incident goes to {@code newUnitId} in the same role. */
    @Transactional
    public Assignment decideDispute(Long id, DisputeOutcome outcome, String reason, Long newUnitId) {
        if (outcome == DisputeOutcome.REASSIGNED && newUnitId == null) throw ApiException.badRequest("unitId", "改派须指定新的承办单位");
        service.officeAct(id, seq -> AssignmentEvent.disputeDecided(seq, service.now(), user.username(), outcome, reason),
                payload("reason", reason, "newUnitId", newUnitId), "assignment.dispute-decided");
        Assignment a = assignments.findById(id);
        Dispute d = disputes.openOf(id).orElseThrow(() -> ApiException.conflict("没有待处理的改派申请"));
        d.outcome = outcome.name();
        d.decidedBy = user.username();
        d.decidedAt = service.now();
        d.decisionReason = reason;
        if (outcome == DisputeOutcome.REASSIGNED) {
            Incident incident = em.find(Incident.class, a.incident.id, LockModeType.PESSIMISTIC_WRITE);
            Assignment next = service.assign(incident, newUnitId,
                    Assignment.LEAD.equals(a.role) ? AssignmentRole.LEAD : AssignmentRole.CO, user.username());
            d.newAssignmentId = next.id;
            return next;
        }
        return a;
    }

    /** Moves the incident start (every open assignment's clocks follow) with a reason. */
    @Transactional
    public void adjustStart(Long incidentId, Instant startedAt, String reason) {
        Incident incident = em.find(Incident.class, incidentId, LockModeType.PESSIMISTIC_WRITE);
        if (incident == null) throw ApiException.notFound("舆情事件");
        Instant start = stated(startedAt, "startedAt");
        incident.startedAt = start;
        incident.updatedAt = service.now();
        List<Assignment> open = assignments.list("incident.id = ?1 and status not in ('closed', 'reassigned') order by id", incidentId);
        for (Assignment a : open) {
            service.officeAct(a.id, seq -> AssignmentEvent.startAdjusted(seq, service.now(), user.username(), start, reason),
                    payload("reason", reason, "startedAt", start), "assignment.start-adjusted");
        }
    }

    /** 领导批示 on an incident: a task for its lead unit with its own clock. */
    @Transactional
    public LeaderInstruction issueInstruction(Long incidentId, String text, Instant dueAt) {
        Assignment lead = assignments.find("incident.id = ?1 and role = 'lead' and status not in ('closed', 'reassigned')",
                incidentId).firstResultOptional().orElseThrow(() -> ApiException.conflict("该舆情事件没有在办的牵头单位"));
        LeaderInstruction in = new LeaderInstruction();
        in.incidentId = incidentId;
        in.assignmentId = lead.id;
        in.text = text;
        in.dueAt = CanonicalJson.micros(dueAt);
        in.issuedBy = user.username();
        in.issuedAt = service.now();
        instructions.persist(in);
        service.officeAct(lead.id, seq -> AssignmentEvent.instructionIssued(seq, service.now(), user.username(),
                String.valueOf(in.id), in.dueAt), payload("instructionId", in.id, "text", text, "dueAt", in.dueAt),
                "instruction.issued");
        return in;
    }

    @Transactional
    public LeaderInstruction completeInstruction(Long instructionId, String note) {
        LeaderInstruction in = instructions.findByIdOptional(instructionId).orElseThrow(() -> ApiException.notFound("领导批示"));
        service.unitAct(in.assignmentId, seq -> AssignmentEvent.instructionCompleted(seq, service.now(), user.username(),
                String.valueOf(in.id)), payload("instructionId", in.id, "note", note), "instruction.completed");
        in.completedAt = service.now();
        in.completedBy = user.username();
        in.completionNote = note;
        return in;
    }

    private Instant stated(Instant t, String field) {
        if (t == null) throw ApiException.badRequest(field, "不能为空");
        if (t.isAfter(service.now())) throw ApiException.badRequest(field, "不能晚于当前时间");
        return CanonicalJson.micros(t);
    }
}
