package cn.tingfeng.web;

import cn.tingfeng.incident.triage.IncidentTriageResource;
import cn.tingfeng.incident.triage.TriageService;
import cn.tingfeng.jurisdiction.proposal.CorrectionRequest;
import cn.tingfeng.jurisdiction.proposal.ProposalService;
import cn.tingfeng.security.CurrentUser;
import cn.tingfeng.shared.ApiException;
import cn.tingfeng.shared.Grade;
import cn.tingfeng.shared.Roles;
import cn.tingfeng.tracking.AssignmentRole;
import cn.tingfeng.tracking.AssignmentService;
import cn.tingfeng.tracking.IncidentResource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The analyst's forms on the incident page: 确认 / 排除 / 改定级别 ({@link TriageService}), 交办 ({@link AssignmentService}) and
 * 修正责任单位建议 ({@link ProposalService}) — the services behind the API, the values checked against the API's own
 * request records. Success: 303 back to the page with a message; refusal: the page with the error, nothing changed.
 */
@Path("/app")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class IncidentActionPages {
    @Inject
    TriageService triage;
    @Inject
    AssignmentService assignments;
    @Inject
    ProposalService proposals;
    @Inject
    WebForms forms;
    @Inject
    IncidentPage page;
    @Inject
    CurrentUser user;
    @Inject
    cn.tingfeng.tracking.Workflow workflow;
    @Inject
    AssignmentLookup assignmentsRepo;
    @Inject
    cn.tingfeng.incident.triage.IncidentViews incidentViews;

    @POST
    @Path("incidents/{id}/confirm")
    @RolesAllowed(Roles.ANALYST)
    public Response confirm(@PathParam("id") Long id, @RestForm String reason) {
        return act(id, "已确认该事件。", () -> {
            IncidentTriageResource.ReasonRequest r = forms.valid(new IncidentTriageResource.ReasonRequest(WebForms.blankToNull(reason)));
            triage.confirm(id, r.reason(), user.username());
        });
    }

    @POST
    @Path("incidents/{id}/dismiss")
    @RolesAllowed(Roles.ANALYST)
    public Response dismiss(@PathParam("id") Long id, @RestForm String reason) {
        return act(id, "已排除该事件。", () -> {
            IncidentTriageResource.DismissRequest r = forms.valid(new IncidentTriageResource.DismissRequest(WebForms.blankToNull(reason)));
            triage.dismiss(id, r.reason(), user.username());
        });
    }

    @POST
    @Path("incidents/{id}/regrade")
    @RolesAllowed(Roles.ANALYST)
    public Response regrade(@PathParam("id") Long id, @RestForm String grade,
            @RestForm String reason) {
        return act(id, "已改定级别。", () -> {
            IncidentTriageResource.RegradeRequest r = forms.valid(new IncidentTriageResource.RegradeRequest(
                    WebForms.blankToNull(grade), WebForms.blankToNull(reason)));
            triage.regrade(id, Grade.valueOf(r.grade()), r.reason(), user.username());
        });
    }

    @POST
    @Path("incidents/{id}/assign")
    @RolesAllowed(Roles.ANALYST)
    public Response assign(@PathParam("id") Long id, @RestForm String unitId,
            @RestForm String role) {
        return act(id, "已交办。", () -> {
            IncidentResource.NewAssignment r = forms.valid(new IncidentResource.NewAssignment(
                    WebForms.id(unitId, "unitId", "承办单位"), WebForms.blankToNull(role)));
            assignments.assign(id, r.unitId(), "lead".equals(r.role()) ? AssignmentRole.LEAD : AssignmentRole.CO);
        });
    }

    @POST
    @Path("incidents/{id}/proposal/corrections")
    @RolesAllowed(Roles.ANALYST)
    public Response correct(@PathParam("id") Long id, @RestForm String level,
            @RestForm String territory, @RestForm String leadCategory,
            @RestForm String reason) {
        return act(id, "已修正责任单位建议。", () -> proposals.correct(id, forms.valid(new CorrectionRequest(WebForms.blankToNull(level),
                WebForms.blankToNull(territory), WebForms.blankToNull(leadCategory), List.of(), WebForms.blankToNull(reason))),
                user.username()));
    }

    /**
     * 合并: this incident into another one (the target picked by its number, or by words of its title when only one open
     * incident matches); its posts move to the target and it is closed as merged ({@link TriageService#merge}, as
     * {@code POST /api/incidents/{target}/merge}). Success: the target's page.
     */
    @POST
    @Path("incidents/{id}/merge")
    @RolesAllowed(Roles.ANALYST)
    public Response merge(@PathParam("id") Long id, @RestForm String target, @RestForm String reason) {
        IncidentPage.Typed typed = new IncidentPage.Typed("merge", target, reason, java.util.Set.of());
        try {
            IncidentTriageResource.MergeRequest r = forms.valid(new IncidentTriageResource.MergeRequest(List.of(id),
                    WebForms.blankToNull(reason)));
            Long targetId = mergeTarget(id, target);
            try {
                triage.merge(targetId, r.sourceIds(), r.reason(), user.username());
            } catch (ApiException e) {
                if (e.status() == 404) {
                    throw ApiException.badRequest("target", "找不到事件 #" + targetId + "，请检查编号");
                }
                throw e;
            }
            return Response.seeOther(URI.create("/app/incidents/" + targetId + "?msg="
                    + URLEncoder.encode("已将事件 #" + id + " 合并到本事件。", StandardCharsets.UTF_8))).build();
        } catch (ApiException e) {
            return refused(id, e, typed);
        }
    }

    /**
     * 拆分: the chosen posts leave this incident for a new one ({@link TriageService#split}, as
     * {@code POST /api/incidents/{id}/split}). Success: the new incident's page.
     */
    @POST
    @Path("incidents/{id}/split")
    @RolesAllowed(Roles.ANALYST)
    public Response split(@PathParam("id") Long id, @RestForm("postIds") List<String> postIds, @RestForm String reason) {
        java.util.Set<Long> chosen = new java.util.LinkedHashSet<>();
        for (String p : postIds == null ? List.<String>of() : postIds) {
            try {
                chosen.add(Long.valueOf(p.strip()));
            } catch (NumberFormatException e) {
                // not a post of ours: ignored (the service refuses an empty choice)
            }
        }
        IncidentPage.Typed typed = new IncidentPage.Typed("split", "", reason, chosen);
        try {
            if (chosen.isEmpty()) {
                throw ApiException.badRequest("postIds", "请勾选要拆分出去的帖子");
            }
            IncidentTriageResource.SplitRequest r = forms.valid(new IncidentTriageResource.SplitRequest(List.copyOf(chosen),
                    WebForms.blankToNull(reason)));
            Long created = triage.split(id, r.postIds(), r.reason(), user.username());
            return Response.seeOther(URI.create("/app/incidents/" + created + "?msg="
                    + URLEncoder.encode("已从事件 #" + id + " 拆分出本事件（" + chosen.size() + " 条帖子）。", StandardCharsets.UTF_8))).build();
        } catch (ApiException e) {
            return refused(id, e, typed);
        }
    }

    /** The target of a merge: a number (#123 or 123), or words of the title matching exactly one other open incident. */
    private Long mergeTarget(Long id, String target) {
        String t = WebForms.blankToNull(target);
        if (t == null) {
            throw ApiException.badRequest("target", "请填写要合并到的事件（编号或标题）");
        }
        String number = t.startsWith("#") ? t.substring(1).strip() : t;
        if (number.matches("\\d{1,18}")) {
            Long targetId = Long.valueOf(number);
            if (targetId.equals(id)) {
                throw ApiException.badRequest("target", "不能把事件合并到它自己");
            }
            return targetId;
        }
        List<cn.tingfeng.incident.triage.IncidentViews.IncidentRow> found = incidentViews.list(null, null, null, 0, 200).items().stream()
                .filter(r -> !r.id().equals(id) && !List.of("merged", "dismissed", "closed").contains(r.status()))
                .filter(r -> r.title() != null && java.util.Arrays.stream(t.split("\\s+")).allMatch(w -> r.title().contains(w))).toList();
        if (found.size() == 1) {
            return found.get(0).id();
        }
        throw ApiException.badRequest("target", found.isEmpty() ? "没有标题包含“" + t + "”的未办结事件，请输入事件编号"
                : "有 " + found.size() + " 个事件的标题包含“" + t + "”，请从列表中选择或输入事件编号（如 #" + found.get(0).id() + "）");
    }

    private Response refused(Long id, ApiException e, IncidentPage.Typed typed) {
        if (e.status() == 404 && e.details() == null) {
            throw e;
        }
        return Response.status(e.status()).entity(page.render(id, null, WebErrors.message(e), typed)).build();
    }

    /** 同意办结: the analyst accepts a unit's close request. */
    @POST
    @Path("incidents/{id}/assignments/{assignment}/close")
    @RolesAllowed(Roles.ANALYST)
    public Response acceptClose(@PathParam("id") Long id, @PathParam("assignment") Long assignment) {
        return act(id, "已同意办结。", () -> {
            requireOf(id, assignment);
            workflow.close(assignment);
        });
    }

    /** 退回: the close request goes back to the unit with the analyst's reason (shown to the unit). */
    @POST
    @Path("incidents/{id}/assignments/{assignment}/return")
    @RolesAllowed(Roles.ANALYST)
    public Response returnForRework(@PathParam("id") Long id, @PathParam("assignment") Long assignment,
            @RestForm String reason) {
        return act(id, "已退回承办单位。", () -> {
            requireOf(id, assignment);
            workflow.returnForRework(assignment, requiredReason(reason));
        });
    }

    /** The decision on a 申请改派: the assignment stands (with a reason) or the incident goes to another unit. */
    @POST
    @Path("incidents/{id}/assignments/{assignment}/dispute-decision")
    @RolesAllowed(Roles.ANALYST)
    public Response decideDispute(@PathParam("id") Long id, @PathParam("assignment") Long assignment,
            @RestForm String outcome, @RestForm String reason, @RestForm String unitId) {
        return act(id, "reassigned".equals(outcome) ? "已改派。" : "已维持原交办。", () -> {
            requireOf(id, assignment);
            if ("reassigned".equals(outcome)) {
                workflow.decideDispute(assignment, cn.tingfeng.tracking.DisputeOutcome.REASSIGNED, WebForms.blankToNull(reason),
                        WebForms.id(unitId, "unitId", "新的承办单位"));
            } else if ("upheld".equals(outcome)) {
                workflow.decideDispute(assignment, cn.tingfeng.tracking.DisputeOutcome.ASSIGNMENT_UPHELD, requiredReason(reason), null);
            } else {
                throw ApiException.badRequest("outcome", "请选择维持原交办或改派");
            }
        });
    }

    private static String requiredReason(String reason) {
        String r = WebForms.blankToNull(reason);
        if (r == null) {
            throw ApiException.badRequest("reason", "请填写理由");
        }
        if (r.length() > 2000) {
            throw ApiException.badRequest("reason", "理由最长 2000 字");
        }
        return r;
    }

    private void requireOf(Long incident, Long assignment) {
        Long of = assignmentsRepo.incidentOf(assignment);
        if (of == null || !of.equals(incident)) {
            throw ApiException.notFound("交办事项 " + assignment);
        }
    }

    private Response act(Long id, String done, Runnable act) {
        try {
            act.run();
            return Response.seeOther(URI.create("/app/incidents/" + id + "?msg=" + URLEncoder.encode(done, StandardCharsets.UTF_8)))
                    .build();
        } catch (ApiException e) {
            if (e.status() == 404) {
                throw e;
            }
            return Response.status(e.status()).entity(page.render(id, null, WebErrors.message(e))).build();
        }
    }
}
