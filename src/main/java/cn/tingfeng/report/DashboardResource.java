package cn.tingfeng.report;

import cn.tingfeng.shared.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;

/**
 * The data of the leaders' dashboard and its 大屏 (the charts read it; docs/reports.md). Same scope parameters as
 * {@code /api/stats}; roles admin, leader, analyst, supervisor (a department user gets 403).
 */
@Path("/api/dashboard")
@RolesAllowed({Roles.ADMIN, Roles.LEADER, Roles.ANALYST, Roles.SUPERVISOR})
public class DashboardResource {
    @Inject
    DashboardService dashboard;

    /**
     * {@link Dashboard.Data} as JSON (written once per computation, see {@link DashboardService#json}), with an
     * {@code ETag}: a client that sends it back in {@code If-None-Match} gets 304 while the figures are unchanged.
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "200", description = "the dashboard",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = Dashboard.Data.class)))
    public jakarta.ws.rs.core.Response data(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
                               @QueryParam("county") String county, @QueryParam("unitId") Long unitId,
                               @QueryParam("grade") String grade, @QueryParam("category") String category,
                               @jakarta.ws.rs.HeaderParam("If-None-Match") String ifNoneMatch) {
        return DashboardService.respond(dashboard.tagged(StatsQuery.of(from, to, county, unitId, grade, category, null)), ifNoneMatch);
    }
}
