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

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Dashboard.Data data(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
                               @QueryParam("county") String county, @QueryParam("unitId") Long unitId,
                               @QueryParam("grade") String grade, @QueryParam("category") String category) {
        return dashboard.data(StatsQuery.of(from, to, county, unitId, grade, category, null));
    }
}
