package cn.tingfeng.web;

import cn.tingfeng.incident.triage.AlertBoard;
import cn.tingfeng.incident.triage.IncidentViews;
import cn.tingfeng.jurisdiction.proposal.ProposalViews;
import cn.tingfeng.notify.alert.AlertQueue;
import cn.tingfeng.security.CurrentUser;
import cn.tingfeng.shared.Paging;
import cn.tingfeng.shared.Roles;
import cn.tingfeng.tracking.TrackingViews;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/** The analyst's 预警队列 and the incident pages (list with filters; one incident with posts, heat, proposal, clocks). */
@Path("/app")
@Produces(MediaType.TEXT_HTML)
public class IncidentPages {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance alerts(List<AlertBoard.Row> alerts, boolean all, long unacked, AlertFilters filters);

        static native TemplateInstance incidents(IncidentViews.Page page, String status, String grade, String rising,
                List<String> statuses, List<String> grades, Integer nextPage);

        static native TemplateInstance incident(TrackingViews.IncidentView incident, IncidentViews.AssessmentView assessment,
                IncidentViews.HeatView heat, List<IncidentPage.Bar> bars, List<IncidentViews.PostRow> posts,
                ProposalViews.ProposalView proposal, boolean canAct, List<IncidentPage.Option> units,
                List<IncidentPage.Option> categories, String msg, String error, IncidentPage.HeatAxis axis,
                List<IncidentPage.Option> mergeTargets, IncidentPage.Typed typed);
    }

    @Inject
    AlertQueue alerts;
    @Inject
    AlertBoard board;
    @Inject
    AlertFilters.Options alertFilters;
    @Inject
    java.time.Clock clock;
    @Inject
    IncidentViews incidents;
    @Inject
    IncidentPage page;
    @Inject
    CurrentUser user;
    @Inject
    TrackingViews tracking;

    @GET
    @Path("alerts")
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    public TemplateInstance alerts(@QueryParam("all") String all, @QueryParam("plan") String plan,
            @QueryParam("grade") String grade, @QueryParam("category") String category, @QueryParam("county") String county,
            @QueryParam("status") String status, @QueryParam("hours") String hours) {
        AlertFilters filters = alertFilters.of(all != null, plan, grade, category, county, status, hours);
        return Templates.alerts(board.list(filters.filter(clock.instant()), 200), all != null, alerts.unackedCount(), filters);
    }

    @POST
    @Path("alerts/{id}/ack")
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    public Response ack(@PathParam("id") Long id) {
        alerts.ack(id, user.username());
        return Response.seeOther(URI.create("/app/alerts")).build();
    }

    @GET
    @Path("incidents")
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN, Roles.LEADER, Roles.SUPERVISOR})
    public TemplateInstance incidents(@QueryParam("status") String status, @QueryParam("grade") String grade,
            @QueryParam("rising") String rising, @QueryParam("page") @jakarta.ws.rs.DefaultValue("0") int page) {
        String g = grade != null && grade.matches("I|II|III|IV") ? grade : null;
        Boolean r = "true".equals(rising) ? Boolean.TRUE : null;
        String s = status == null || status.isBlank() ? null : status;
        IncidentViews.Page result = incidents.list(s, g, r, Math.min(Math.max(0, page), (int) (Paging.MAX_OFFSET / 50)), 50);
        Integer next = result.total() > (long) (result.page() + 1) * result.size() ? result.page() + 1 : null;
        return Templates.incidents(result, s, g, r == null ? null : "true",
                List.of("new", "confirmed", "assigned", "closed", "dismissed", "merged"), List.of("I", "II", "III", "IV"), next);
    }

    /**
     * The incident page; a department user (confined to its unit) is sent to its own assignment's task page, which shows
     * the incident read-only (403 when the incident has no assignment to its unit).
     */
    @GET
    @Path("incidents/{id}")
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN, Roles.LEADER, Roles.SUPERVISOR, Roles.DEPARTMENT})
    public Object incident(@PathParam("id") Long id, @QueryParam("msg") String msg) {
        if (user.isConfinedToUnit()) {
            TrackingViews.IncidentView view = tracking.incident(id);
            return Response.seeOther(URI.create("/app/tasks/" + view.assignments().get(view.assignments().size() - 1).id())).build();
        }
        return page.render(id, msg == null || msg.isBlank() ? null : msg, null);
    }
}
