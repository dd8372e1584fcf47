package cn.tingfeng.web;

import cn.tingfeng.incident.assess.Art18Category;
import cn.tingfeng.incident.triage.AlertBoard;
import cn.tingfeng.jurisdiction.TerritoryRepository;
import cn.tingfeng.watch.plan.PlanEditor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The filters of the 预警队列 (plan, grade, category, county, incident status, time window), as chosen in the page's
 * GET form: unknown values are ignored, never an error. The same values go into the page as {@code data-*}
 * attributes, so the page's script applies them to alerts arriving live.
 */
public record AlertFilters(boolean all, Long plan, String grade, String category, String county, String status,
        Integer hours, List<Option> plans, List<Option> categories, List<Option> counties) {
    public record Option(String value, String label) {
    }

    public static final List<Option> GRADES = List.of(new Option("I", "I 级"), new Option("II", "II 级"),
            new Option("III", "III 级"), new Option("IV", "IV 级"));
    public static final List<Option> STATUSES = List.of(new Option("new", "待核实"), new Option("confirmed", "已确认"),
            new Option("assigned", "已交办"), new Option("dismissed", "已排除"), new Option("closed", "已办结"),
            new Option("merged", "已合并"));
    public static final List<Option> WINDOWS = List.of(new Option("6", "近 6 小时"), new Option("24", "近 24 小时"),
            new Option("72", "近 3 天"), new Option("168", "近 7 天"));

    public List<Option> grades() {
        return GRADES;
    }

    public List<Option> statuses() {
        return STATUSES;
    }

    public List<Option> windows() {
        return WINDOWS;
    }

    public String planValue() {
        return plan == null ? "" : plan.toString();
    }

    public String hoursValue() {
        return hours == null ? "" : hours.toString();
    }

    public AlertBoard.Filter filter(Instant now) {
        return new AlertBoard.Filter(plan, grade, category, county, status,
                hours == null ? null : now.minus(Duration.ofHours(hours)), !all);
    }

    /** Builds the filters from the query, with the choices the form offers. */
    @ApplicationScoped
    public static class Options {
        @Inject
        PlanEditor plans;
        @Inject
        TerritoryRepository territories;

        @Transactional
        public AlertFilters of(boolean all, String plan, String grade, String category, String county, String status,
                String hours) {
            List<Option> planOptions = plans.list().stream().map(p -> new Option(p.id().toString(), p.name())).toList();
            List<Option> categories = Arrays.stream(Art18Category.values()).map(c -> new Option(c.code(), c.label())).toList();
            List<Option> counties = territories.list("level = 'county' order by code").stream()
                    .map(t -> new Option(t.name, t.name)).toList();
            Long planId = plan != null && plan.matches("\\d{1,18}") ? Long.valueOf(plan) : null;
            String g = GRADES.stream().anyMatch(o -> o.value().equals(grade)) ? grade : null;
            String c = categories.stream().anyMatch(o -> o.value().equals(category)) ? category : null;
            String k = counties.stream().anyMatch(o -> o.value().equals(county)) ? county : null;
            String s = STATUSES.stream().anyMatch(o -> o.value().equals(status)) ? status : null;
            Integer h = WINDOWS.stream().anyMatch(o -> o.value().equals(hours)) ? Integer.valueOf(hours) : null;
            return new AlertFilters(all, planId, g, c, k, s, h, planOptions, categories, counties);
        }
    }
}
