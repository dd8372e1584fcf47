package cn.tingfeng.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The records {@code GET /api/dashboard} answers with (docs/reports.md, "Leaders' dashboard"). */
public final class Dashboard {
    private Dashboard() {
    }

    /**
     * One part of a distribution. {@code drill}: the query parameters that select the incidents behind it on the
     * drill-down page (added to the dashboard's scope), or null when there is no such list.
     */
    public record Slice(String key, String label, long count, Map<String, String> drill) {
    }

    /** One bucket of the trend: incidents and the on-time rates with their counts; {@code from}..{@code to} to drill. */
    public record TrendPoint(LocalDate start, LocalDate from, LocalDate to, long incidents, long assigned, long responded,
                             Double onTimeTargetRate, Double onTimeLimitRate, Rate onTimeTarget, Rate onTimeLimit) {
    }

    /** A clock overdue now: the incident, the unit, which obligation, its limit and minutes past it. */
    public record OverdueItem(Long incidentId, String title, String grade, String unit, String clock, String clockLabel,
                              Instant limitAt, long overdueMinutes) {
    }

    /** 领导批示 of the period's incidents: open (of them past the limit) and done (on time / late). */
    public record Instructions(long total, long open, long openOverdue, long done, long doneOnTime, long doneLate,
                               long incidents, long incidentsClosed) {
    }

    /**
     * The dashboard: {@code figures}, {@code units} (the ranking, top 20 of {@code unitsTotal}) and the county counts
     * are those of {@code /api/stats} for the same query; {@code granularity} of the trend is day (up to 62 days),
     * week (up to 400) or month.
     */
    public record Data(Instant at, Stats.Scope scope, String granularity, Stats.Figures figures, List<TrendPoint> trend,
                       List<Slice> byGrade, List<Slice> byCategory, List<Slice> byCounty, List<Stats.RankRow> units,
                       int unitsTotal, List<OverdueItem> overdue, List<Slice> escalations, Instructions instructions,
                       Map<String, Object> rules) {
    }
}
