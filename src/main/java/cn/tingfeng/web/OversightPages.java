package cn.tingfeng.web;

import cn.tingfeng.shared.Roles;
import cn.tingfeng.tracking.ResponseDashboard;
import cn.tingfeng.tracking.TrackingViews;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The leader's 回应率看板 and the supervision office's 督办记录. */
@Path("/app")
@Produces(MediaType.TEXT_HTML)
public class OversightPages {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(ResponseDashboard.Dashboard board, List<String> statuses, List<String> clockStatuses);

        static native TemplateInstance supervision(List<TrackingViews.SupervisionView> records, boolean all);
    }

    @Inject
    ResponseDashboard dashboard;
    @Inject
    TrackingViews views;

    @GET
    @Path("dashboard")
    @RolesAllowed({Roles.LEADER, Roles.ADMIN, Roles.SUPERVISOR})
    public TemplateInstance dashboard() {
        return Templates.dashboard(dashboard.dashboard(), ResponseDashboard.INCIDENT_STATUSES,
                List.of("pending", "warning", "overdue", "met", "late", "breached", ResponseDashboard.STOPPED));
    }

    @GET
    @Path("supervision")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    public TemplateInstance supervision(@QueryParam("all") String all) {
        return Templates.supervision(views.supervisionRecords(all == null), all != null);
    }
}
