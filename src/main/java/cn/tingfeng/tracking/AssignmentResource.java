package cn.tingfeng.tracking;

import cn.tingfeng.security.CurrentUser;
import cn.tingfeng.shared.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/** The workflow on one assignment: the unit's acts (own unit only) and the analyst's decisions. */
@Path("/api/assignments")
@Produces(MediaType.APPLICATION_JSON)
public class AssignmentResource {
    /** {@code channelKind}: a {@link ResponseChannel} code (optional, inferred from {@code channel}). */
    public record ResponseBody(@NotNull Instant publishedAt, @NotBlank @Size(max = 100) String channel,
                               @Pattern(regexp = "website|weibo|wechat|interview|interpretation|media|other",
                                       message = "须为 website、weibo、wechat、interview、interpretation、media 或 other") String channelKind,
                               Boolean principalLeader, @Size(max = 2000) String url, @NotBlank @Size(max = 20_000) String text) {
    }

    public record PressConferenceBody(@NotNull Instant heldAt, @NotBlank @Size(max = 100) String spokesperson,
                                      Boolean principalLeader, @Size(max = 2000) String url) {
    }

    public record TextBody(@NotBlank @Size(max = 20_000) String text) {
    }

    public record ReasonBody(@NotBlank @Size(max = 2000) String reason) {
    }

    public record DecisionBody(@NotNull @Pattern(regexp = "upheld|reassigned", message = "须为 upheld 或 reassigned") String outcome,
                               @Size(max = 2000) String reason, Long unitId) {
    }

    @Inject
    Workflow workflow;
    @Inject
    TrackingViews views;
    @Inject
    AssignmentRepository assignments;
    @Inject
    CurrentUser user;

    /** The unit's queue (department users: their own unit); {@code mine} is accepted for clarity. */
    @GET
    @RolesAllowed(Roles.DEPARTMENT)
    @Transactional
    public List<TrackingViews.AssignmentView> queue(@QueryParam("mine") String mine) {
        return views.unitQueue();
    }

    @POST
    @Path("/{id}/ack")
    @RolesAllowed(Roles.DEPARTMENT)
    public TrackingViews.AssignmentView ack(@PathParam("id") Long id) {
        return after(id, () -> workflow.ack(id));
    }

    @POST
    @Path("/{id}/responses")
    @RolesAllowed(Roles.DEPARTMENT)
    public TrackingViews.AssignmentView respond(@PathParam("id") Long id, @Valid @NotNull ResponseBody b) {
        return after(id, () -> workflow.respond(id, b.publishedAt(), b.channel(),
                ResponseChannel.ofCode(b.channelKind()).orElse(null), Boolean.TRUE.equals(b.principalLeader()), b.url(), b.text()));
    }

    @POST
    @Path("/{id}/press-conferences")
    @RolesAllowed(Roles.DEPARTMENT)
    public TrackingViews.AssignmentView pressConference(@PathParam("id") Long id, @Valid @NotNull PressConferenceBody b) {
        return after(id, () -> workflow.pressConference(id, b.heldAt(), b.spokesperson(),
                Boolean.TRUE.equals(b.principalLeader()), b.url()));
    }

    @POST
    @Path("/{id}/feedback")
    @RolesAllowed(Roles.DEPARTMENT)
    public TrackingViews.AssignmentView feedback(@PathParam("id") Long id, @Valid @NotNull TextBody b) {
        return after(id, () -> workflow.feedback(id, b.text()));
    }

    @POST
    @Path("/{id}/close-requests")
    @RolesAllowed(Roles.DEPARTMENT)
    public TrackingViews.AssignmentView requestClose(@PathParam("id") Long id) {
        return after(id, () -> workflow.requestClose(id));
    }

    @POST
    @Path("/{id}/disputes")
    @RolesAllowed(Roles.DEPARTMENT)
    public TrackingViews.AssignmentView dispute(@PathParam("id") Long id, @Valid @NotNull ReasonBody b) {
        return after(id, () -> workflow.dispute(id, b.reason()));
    }

    @POST
    @Path("/{id}/close")
    @RolesAllowed(Roles.ANALYST)
    public TrackingViews.AssignmentView close(@PathParam("id") Long id) {
        return after(id, () -> workflow.close(id));
    }

    @POST
    @Path("/{id}/return")
    @RolesAllowed(Roles.ANALYST)
    public TrackingViews.AssignmentView returnForRework(@PathParam("id") Long id, @Valid @NotNull ReasonBody b) {
        return after(id, () -> workflow.returnForRework(id, b.reason()));
    }

    /** Decision on the open dispute; on {@code reassigned} the answer is the new assignment. */
    @POST
    @Path("/{id}/dispute-decision")
    @RolesAllowed(Roles.ANALYST)
    @Transactional
    public TrackingViews.AssignmentView decide(@PathParam("id") Long id, @Valid @NotNull DecisionBody b) {
        Assignment a = workflow.decideDispute(id, "reassigned".equals(b.outcome()) ? DisputeOutcome.REASSIGNED
                : DisputeOutcome.ASSIGNMENT_UPHELD, b.reason(), b.unitId());
        return views.assignment(a, true);
    }

    private TrackingViews.AssignmentView after(Long id, Supplier<AssignmentClocks> act) {
        act.get();
        return views.assignment(id);
    }
}
