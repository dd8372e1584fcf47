package cn.tingfeng.web;

import cn.tingfeng.report.Stats;
import cn.tingfeng.report.StatsQuery;
import cn.tingfeng.report.StatsService;
import cn.tingfeng.shared.Roles;
import cn.tingfeng.tracking.ResponseDashboard;
import cn.tingfeng.tracking.TrackingViews;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;

/** The leader's 回应率看板 and the supervision office's 督办记录. */
@Path("/app")
@Produces(MediaType.TEXT_HTML)
public class OversightPages {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(ResponseDashboard.Dashboard board, List<String> statuses, List<String> clockStatuses,
                                                 Stats.Report stats, String query, String trendName, List<Stats.TrendRow> trend,
                                                 List<String> grades, List<Range> ranges);

        static native TemplateInstance screen(String query, String from, String to, long refreshSeconds);

        static native TemplateInstance drill(Stats.Scope scope, String measure, String measureLabel,
                                             List<StatsService.IncidentRow> incidents, int limit, String query);

        static native TemplateInstance supervision(List<TrackingViews.SupervisionView> records, boolean all,
                cn.tingfeng.audit.AuditService.Verification audit, boolean canAck, String msg);
    }

    @Inject
    ResponseDashboard dashboard;
    @Inject
    cn.tingfeng.report.DashboardService charts;
    @Inject
    cn.tingfeng.report.DashboardConfig dashboardConfig;
    @Inject
    TrackingViews views;
    @Inject
    StatsService stats;
    @Inject
    cn.tingfeng.audit.AuditService audit;
    @Inject
    cn.tingfeng.tracking.SupervisionResource supervision;
    @Inject
    cn.tingfeng.security.CurrentUser currentUser;
    @Inject
    java.time.Clock clock;

    /** A quick choice of the date-range picker. */
    public record Range(String label, String query) {
    }

    /** Drill-down lists show at most this many incidents. */
    static final int DRILL_LIMIT = 200;

    static final java.util.Map<String, String> MEASURE_LABELS = java.util.Map.of("all", "全部舆情事件", "assigned", "需处置（已交办）",
            "responded", "已回应", "lateTarget", "未在目标时限内回应", "lateLimit", "未在最迟时限内回应", "pressMissed", "发布会未按时",
            "notFedBack", "未反馈", "notCompleted", "未办结", "completed", "已办结", "overdue", "当前有超期事项");

    @GET
    @Path("dashboard")
    @RolesAllowed({Roles.LEADER, Roles.ADMIN, Roles.SUPERVISOR})
    public TemplateInstance dashboard(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
                                      @QueryParam("county") String county, @QueryParam("unitId") Long unitId,
                                      @QueryParam("grade") String grade, @QueryParam("category") String category,
                                      @QueryParam("screen") String screen) {
        StatsQuery q = query(from, to, county, unitId, grade, category);
        if (screen != null && !screen.isBlank() && !screen.equals("0")) return screen(q, from == null && to == null);
        Stats.Report report = stats.report(q);
        long days = java.time.temporal.ChronoUnit.DAYS.between(q.from(), q.to()) + 1;
        String trendName = days <= 31 ? "按日" : days <= 190 ? "按周" : "按月";
        List<Stats.TrendRow> trend = days <= 31 ? report.trends().day() : days <= 190 ? report.trends().week() : report.trends().month();
        return Templates.dashboard(dashboard.dashboard(), ResponseDashboard.INCIDENT_STATUSES,
                List.of("pending", "warning", "overdue", "met", "late", "breached", ResponseDashboard.STOPPED), report, queryString(q), trendName, trend,
                List.of("I", "II", "III", "IV"), ranges());
    }

    /**
     * The charts' data for the page's own script (with the page's session: a session is never accepted on
     * {@code /api/*}); the same as {@code GET /api/dashboard}.
     */
    @GET
    @Path("dashboard/data")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.LEADER, Roles.ADMIN, Roles.SUPERVISOR})
    public jakarta.ws.rs.core.Response data(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
                                                  @QueryParam("county") String county, @QueryParam("unitId") Long unitId,
                                                  @QueryParam("grade") String grade, @QueryParam("category") String category,
                                                  @jakarta.ws.rs.HeaderParam("If-None-Match") String ifNoneMatch) {
        return cn.tingfeng.report.DashboardService.respond(charts.tagged(query(from, to, county, unitId, grade, category)), ifNoneMatch);
    }

    /**
     * The dashboard's export links (the tables of {@code GET /api/stats/export}) with the page's session: a session is
     * never accepted on {@code /api/*}.
     */
    @GET
    @Path("dashboard/export")
    @Produces({"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/csv", MediaType.TEXT_HTML})
    @RolesAllowed({Roles.LEADER, Roles.ADMIN, Roles.SUPERVISOR})
    public jakarta.ws.rs.core.Response export(@QueryParam("table") String table, @QueryParam("format") String format,
                                              @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
                                              @QueryParam("county") String county, @QueryParam("unitId") Long unitId,
                                              @QueryParam("grade") String grade, @QueryParam("category") String category) {
        return cn.tingfeng.report.StatsResource.export(stats, table, format, query(from, to, county, unitId, grade, category));
    }

    /** 大屏: the dashboard full-screen for the command centre (dark, large type), fetching its data every N seconds. */
    @GET
    @Path("dashboard/screen")
    @RolesAllowed({Roles.LEADER, Roles.ADMIN, Roles.SUPERVISOR})
    public TemplateInstance screen(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
                                   @QueryParam("county") String county, @QueryParam("unitId") Long unitId,
                                   @QueryParam("grade") String grade, @QueryParam("category") String category) {
        return screen(query(from, to, county, unitId, grade, category), from == null && to == null);
    }

    /** Without a period the 大屏 asks each time for the default one (this month up to today), so it rolls over by itself. */
    private TemplateInstance screen(StatsQuery q, boolean rolling) {
        String query = queryString(q);
        if (rolling) query = query.replaceFirst("^from=[^&]*&to=[^&]*&?", "");
        return Templates.screen(query, q.from().toString(), q.to().toString(), Math.max(5, dashboardConfig.screenRefresh().toSeconds()));
    }

    /** The picker's quick ranges: the last 7 and 30 days, this month, this year (Beijing time). */
    private List<Range> ranges() {
        LocalDate today = LocalDate.now(clock.withZone(WebFormat.ZONE));
        return List.of(new Range("今天", "from=" + today + "&to=" + today),
                new Range("近 7 天", "from=" + today.minusDays(6) + "&to=" + today),
                new Range("近 30 天", "from=" + today.minusDays(29) + "&to=" + today),
                new Range("本月", "from=" + today.withDayOfMonth(1) + "&to=" + today),
                new Range("本年", "from=" + today.withDayOfYear(1) + "&to=" + today));
    }

    /** The incidents behind a figure of the dashboard. */
    @GET
    @Path("dashboard/incidents")
    @RolesAllowed({Roles.LEADER, Roles.ADMIN, Roles.SUPERVISOR})
    public TemplateInstance drill(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
                                  @QueryParam("county") String county, @QueryParam("unitId") Long unitId,
                                  @QueryParam("grade") String grade, @QueryParam("category") String category,
                                  @QueryParam("measure") String measure) {
        StatsQuery q = query(from, to, county, unitId, grade, category);
        String m = measure == null || measure.isBlank() ? "all" : measure;
        Stats.Scope scope = new Stats.Scope(q.from(), q.to(), q.county(), q.unitId(), q.grade(), q.category(), null);
        if (cn.tingfeng.report.DashboardService.DRILLS.containsKey(m)) {
            return Templates.drill(scope, m, cn.tingfeng.report.DashboardService.DRILLS.get(m), charts.incidents(q, m, DRILL_LIMIT),
                    DRILL_LIMIT, queryString(q));
        }
        if (!MEASURE_LABELS.containsKey(m)) throw cn.tingfeng.shared.ApiException.badRequest("measure", "未知的统计项");
        return Templates.drill(scope, m, MEASURE_LABELS.get(m), stats.incidents(q, m, DRILL_LIMIT), DRILL_LIMIT, queryString(q));
    }

    /** Default period: the current month up to today (Beijing time). */
    private StatsQuery query(LocalDate from, LocalDate to, String county, Long unitId, String grade, String category) {
        LocalDate today = LocalDate.now(clock.withZone(WebFormat.ZONE));
        LocalDate t = to != null ? to : today;
        LocalDate f = from != null ? from : (to != null ? t : today).withDayOfMonth(1);
        return StatsQuery.of(f, t, county, unitId, grade, category, null);
    }

    /** The query's scope as URL parameters (for drill-down and export links). */
    static String queryString(StatsQuery q) {
        StringBuilder sb = new StringBuilder("from=" + q.from() + "&to=" + q.to());
        if (q.county() != null) sb.append("&county=").append(enc(q.county()));
        if (q.unitId() != null) sb.append("&unitId=").append(q.unitId());
        if (q.grade() != null) sb.append("&grade=").append(q.grade());
        if (q.category() != null) sb.append("&category=").append(enc(q.category()));
        return sb.toString();
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    @GET
    @Path("supervision")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    public TemplateInstance supervision(@QueryParam("all") String all, @QueryParam("msg") String msg) {
        String m = msg == null ? null : switch (msg) {
            case "acked" -> "已签收该督办记录。";
            case "already" -> "该督办记录已经签收过。";
            case "missing" -> "督办记录不存在。";
            default -> null;
        };
        return Templates.supervision(views.supervisionRecords(all == null), all != null, audit.verify(),
                currentUser.has(Roles.SUPERVISOR), m);
    }

    /** 签收 by the supervision office, as {@code POST /api/supervision/{id}/ack} (recorded in the audit chain). */
    @POST
    @Path("supervision/{id}/ack")
    @RolesAllowed(Roles.SUPERVISOR)
    public jakarta.ws.rs.core.Response acknowledge(@jakarta.ws.rs.PathParam("id") Long id, @QueryParam("all") String all) {
        String outcome;
        try {
            supervision.acknowledge(id);
            outcome = "acked";
        } catch (cn.tingfeng.shared.ApiException e) {
            outcome = e.status() == 404 ? "missing" : "already";
        }
        return jakarta.ws.rs.core.Response.seeOther(java.net.URI.create("/app/supervision?msg=" + outcome
                + (all != null ? "&all=1" : ""))).build();
    }
}
