package cn.tingfeng.report;

import cn.tingfeng.shared.ApiException;
import cn.tingfeng.shared.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/** Statistics for leaders, analysts, supervisors and administrators (docs/reports.md). */
@Path("/api/stats")
@RolesAllowed({Roles.ADMIN, Roles.LEADER, Roles.ANALYST, Roles.SUPERVISOR})
public class StatsResource {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    StatsService stats;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Stats.Report stats(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
                              @QueryParam("county") String county, @QueryParam("unitId") Long unitId,
                              @QueryParam("grade") String grade, @QueryParam("category") String category,
                              @QueryParam("plan") Long plan) {
        return stats.report(StatsQuery.of(from, to, county, unitId, grade, category, plan));
    }

    /** 政府信息公开工作年度报告 · 回应解读情况 for a calendar year. */
    @GET
    @Path("/annual")
    @Produces(MediaType.APPLICATION_JSON)
    public Stats.AnnualTable annual(@QueryParam("year") Integer year, @QueryParam("county") String county,
                                    @QueryParam("unitId") Long unitId, @QueryParam("grade") String grade,
                                    @QueryParam("category") String category) {
        if (year == null || year < 2000 || year > 2100) throw ApiException.badRequest("year", "须为 2000–2100 的年份");
        return stats.annual(StatsQuery.of(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), county, unitId, grade, category, null));
    }

    /** One table of the report as .xlsx or .csv ({@code table}: one of {@link StatsTables#NAMES}). */
    @GET
    @Path("/export")
    public Response export(@QueryParam("table") String table, @QueryParam("format") String format,
                           @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
                           @QueryParam("county") String county, @QueryParam("unitId") Long unitId,
                           @QueryParam("grade") String grade, @QueryParam("category") String category,
                           @QueryParam("plan") Long plan) {
        return export(stats, table, format, StatsQuery.of(from, to, county, unitId, grade, category, plan));
    }

    /** A statistics table as .xlsx or .csv (the API's export and the dashboard page's, {@code /app/dashboard/export}). */
    public static Response export(StatsService stats, String table, String format, StatsQuery q) {
        if (table == null || !StatsTables.NAMES.contains(table)) {
            throw ApiException.badRequest("table", "须为 " + String.join("、", StatsTables.NAMES) + " 之一");
        }
        String fmt = format == null ? "xlsx" : format;
        if (!fmt.equals("xlsx") && !fmt.equals("csv")) throw ApiException.badRequest("format", "须为 xlsx 或 csv");
        Table t = StatsTables.table(table, stats.report(q));
        String file = "stats-" + table + "-" + q.from() + "_" + q.to() + "." + fmt;
        String disposition = "attachment; filename=\"" + file + "\"; filename*=UTF-8''"
                + java.net.URLEncoder.encode(t.title() + "-" + file, StandardCharsets.UTF_8).replace("+", "%20");
        return fmt.equals("csv")
                ? Response.ok(TableExport.csv(t), "text/csv; charset=UTF-8").header("Content-Disposition", disposition).build()
                : Response.ok(TableExport.xlsx(t), XLSX).header("Content-Disposition", disposition).build();
    }
}
