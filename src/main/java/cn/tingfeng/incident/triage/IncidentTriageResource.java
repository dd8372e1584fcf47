package cn.tingfeng.incident.triage;

import cn.tingfeng.security.CurrentUser;
import cn.tingfeng.shared.ApiException;
import cn.tingfeng.shared.Grade;
import cn.tingfeng.shared.Paging;
import cn.tingfeng.shared.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * The analyst's side of incidents: the list with filters, posts, heat, assessment, and merge / split / regrade /
 * confirm / dismiss with a reason. Department users have no access (they work from the tracker's queue). Shares the
 * root /api/incidents with the tracker's IncidentResource (POST /api/incidents, GET /api/incidents/{id}).
 */
@Path("/api/incidents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ANALYST, Roles.ADMIN, Roles.LEADER, Roles.SUPERVISOR})
public class IncidentTriageResource {
    public record MergeRequest(@NotEmpty List<@NotNull Long> sourceIds, @NotBlank @Size(max = 2000) String reason) {
    }

    public record SplitRequest(@NotEmpty List<@NotNull Long> postIds, @NotBlank @Size(max = 2000) String reason) {
    }

    public record RegradeRequest(@NotBlank @Pattern(regexp = "I|II|III|IV", message = "只能是 I、II、III 或 IV") String grade,
            @NotBlank @Size(max = 2000) String reason) {
    }

    public record ReasonRequest(@Size(max = 2000) String reason) {
    }

    public record DismissRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    @Inject
    IncidentViews views;
    @Inject
    TriageService triage;
    @Inject
    CurrentUser user;

    @GET
    public IncidentViews.Page list(@QueryParam("status") String status, @QueryParam("grade") String grade,
            @QueryParam("rising") Boolean rising, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("20") int size) {
        if (grade != null && !grade.isBlank() && !grade.matches("I|II|III|IV")) {
            throw ApiException.badRequest("grade", "只能是 I、II、III 或 IV");
        }
        Paging paging = Paging.of(page, size, 200);
        return views.list(status, grade, rising, paging.page(), paging.size());
    }

    @GET
    @Path("{id}/posts")
    public List<IncidentViews.PostRow> posts(@PathParam("id") Long id) {
        return views.posts(id);
    }

    @GET
    @Path("{id}/heat")
    public IncidentViews.HeatView heat(@PathParam("id") Long id) {
        return views.heat(id);
    }

    @GET
    @Path("{id}/assessment")
    public IncidentViews.AssessmentView assessment(@PathParam("id") Long id) {
        return views.assessment(id);
    }

    @POST
    @Path("{id}/merge")
    @RolesAllowed(Roles.ANALYST)
    public IncidentViews.AssessmentView merge(@PathParam("id") Long id, @Valid @NotNull MergeRequest r) {
        return views.assessment(triage.merge(id, r.sourceIds(), r.reason(), user.username()));
    }

    @POST
    @Path("{id}/split")
    @RolesAllowed(Roles.ANALYST)
    public IncidentViews.AssessmentView split(@PathParam("id") Long id, @Valid @NotNull SplitRequest r) {
        return views.assessment(triage.split(id, r.postIds(), r.reason(), user.username()));
    }

    @POST
    @Path("{id}/regrade")
    @RolesAllowed(Roles.ANALYST)
    public IncidentViews.AssessmentView regrade(@PathParam("id") Long id, @Valid @NotNull RegradeRequest r) {
        return views.assessment(triage.regrade(id, Grade.valueOf(r.grade()), r.reason(), user.username()));
    }

    @POST
    @Path("{id}/confirm")
    @RolesAllowed(Roles.ANALYST)
    public IncidentViews.AssessmentView confirm(@PathParam("id") Long id, @Valid ReasonRequest r) {
        return views.assessment(triage.confirm(id, r == null ? null : r.reason(), user.username()));
    }

    @POST
    @Path("{id}/dismiss")
    @RolesAllowed(Roles.ANALYST)
    public IncidentViews.AssessmentView dismiss(@PathParam("id") Long id, @Valid @NotNull DismissRequest r) {
        return views.assessment(triage.dismiss(id, r.reason(), user.username()));
    }
}
