package cn.tingfeng.web;

import cn.tingfeng.audit.AuditService;
import cn.tingfeng.jurisdiction.catalog.JurisdictionSeeder;
import cn.tingfeng.jurisdiction.classify.Classifiers;
import cn.tingfeng.shared.Grade;
import cn.tingfeng.shared.Roles;
import cn.tingfeng.tracking.calendar.CalendarService;
import cn.tingfeng.tracking.calendar.WorkdayCalendar;
import cn.tingfeng.tracking.sla.FrozenPolicies;
import cn.tingfeng.tracking.sla.GradeRules;
import cn.tingfeng.tracking.sla.JurisdictionPolicy;
import cn.tingfeng.tracking.sla.ObligationRule;
import cn.tingfeng.tracking.sla.PolicyService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * 系统状态 ({@code /app/admin/system}, admin): the SLA policies in force and the versions assignments froze, the work
 * calendar's years with a warning when next year is missing, the jurisdiction data with 重新加载 and its validation
 * result, and the audit chain's verification — each from the service behind its API.
 */
@Path("/app/admin/system")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.ADMIN)
public class SystemPages {
    /** One obligation of a grade group: 签收 30 分钟 / 最迟 1 小时. */
    public record RuleRow(String grades, String obligation, String target, String limit, String anchor) {
    }

    /** A jurisdiction's policy in force. */
    public record PolicyRow(String jurisdiction, String version, String description, String versionId, List<RuleRow> rules) {
    }

    /** A version frozen by assignments. */
    public record FrozenRow(String label, String versionId, long assignments, long open, Instant first, Instant last,
                            boolean current) {
    }

    /** The work calendar: years covered, whether next year is there, and the warning. */
    public record CalendarView(List<Integer> years, int nextYear, boolean nextYearMissing, String warning, String overrideFile) {
    }

    /** The jurisdiction data loaded now, and the result of a reload just done (or null). */
    public record JurisdictionView(String dataVersion, List<String> jurisdictions, List<String> errors, Instant loadedAt,
                                   JurisdictionSeeder.ReloadResult reload) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance system(List<PolicyRow> policies, List<FrozenRow> frozen, CalendarView calendar,
                JurisdictionView jurisdiction, AuditService.Verification audit, String msg);
    }

    @Inject
    PolicyService policies;
    @Inject
    FrozenPolicies frozen;
    @Inject
    CalendarService calendar;
    @Inject
    Classifiers classifiers;
    @Inject
    JurisdictionSeeder seeder;
    @Inject
    AuditService audit;
    @Inject
    Clock clock;

    @GET
    public TemplateInstance system() {
        return render(null, null);
    }

    /** 重新加载属地数据 (as {@code POST /api/admin/jurisdiction/reload}): the page again with the validation result. */
    @POST
    @Path("jurisdiction/reload")
    public TemplateInstance reload() {
        JurisdictionSeeder.ReloadResult r = seeder.reload();
        return render(r, r.errors().isEmpty() ? "已重新加载属地数据，校验通过。" : "已重新加载属地数据，发现 " + r.errors().size() + " 处错误（见下）。");
    }

    private TemplateInstance render(JurisdictionSeeder.ReloadResult reload, String msg) {
        List<JurisdictionPolicy> all = policies.policies().all();
        List<PolicyRow> rows = all.stream().map(p -> new PolicyRow(jurisdictionName(p.jurisdiction()), p.version(), p.description(),
                policies.policies().versionId(p.jurisdiction()), rules(p))).toList();
        Set<String> current = all.stream().map(p -> policies.policies().versionId(p.jurisdiction())).collect(Collectors.toSet());
        List<FrozenRow> versions = frozen.versions().stream().map(v -> new FrozenRow(WebLabels.policy(v.versionId()), v.versionId(),
                v.assignments(), v.open(), v.first(), v.last(), current.contains(v.versionId()))).toList();
        LocalDate today = LocalDate.now(clock.withZone(WorkdayCalendar.ZONE));
        WorkdayCalendar cal = calendar.calendar();
        int next = today.getYear() + 1;
        CalendarView calendarView = new CalendarView(List.copyOf(cal.coveredYears()), next, !cal.covers(next),
                calendar.warning(today).orElse(null), calendar.overrideFile().toString());
        Classifiers.State s = classifiers.state();
        JurisdictionView j = new JurisdictionView(s.dataVersion(), s.base().jurisdictions().stream()
                .map(x -> x.name()).toList(), s.loadErrors(), s.loadedAt(), reload);
        return Templates.system(rows, versions, calendarView, j, audit.verify(), msg);
    }

    private static String jurisdictionName(String code) {
        return "default".equals(code) ? "默认（未单独配置的辖区）" : code;
    }

    private static List<RuleRow> rules(JurisdictionPolicy p) {
        List<RuleRow> out = new ArrayList<>();
        for (GradeRules g : p.grades()) {
            String grades = g.grades().stream().map(Grade::name).map(WebLabels::grade).collect(Collectors.joining("、"));
            add(out, grades, "签收", g.ack());
            add(out, grades, "首次回应", g.firstResponse());
            add(out, grades, "新闻发布会", g.pressConference());
            add(out, grades, "反馈", g.feedback());
            add(out, grades, "办结", g.close());
            add(out, grades, "领导批示", g.instruction());
        }
        return out;
    }

    private static void add(List<RuleRow> out, String grades, String name, ObligationRule r) {
        if (r == null) return;
        out.add(new RuleRow(grades, name, r.target().label(), r.limit() == null ? r.target().label() : r.limit().label(),
                r.anchor() == null ? "按默认起算" : r.anchor().label()));
    }
}
