package cn.tingfeng.report;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The records {@code GET /api/stats} answers with (docs/reports.md). */
public final class Stats {
    private Stats() {
    }

    /** Raw counts of one group (the whole scope, a unit, a county, a trend bucket); sums of groups add up. */
    public record Counts(long incidents, long assigned, long responseRequired, long responded,
                         long targetDecided, long targetOnTime, long limitDecided, long limitOnTime,
                         long pressRequired, long pressDecided, long pressOnTime,
                         long fedBack, long completed, long overdue) {
        public static final Counts ZERO = new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

        public Counts plus(Counts o) {
            return new Counts(incidents + o.incidents, assigned + o.assigned, responseRequired + o.responseRequired,
                    responded + o.responded, targetDecided + o.targetDecided, targetOnTime + o.targetOnTime,
                    limitDecided + o.limitDecided, limitOnTime + o.limitOnTime, pressRequired + o.pressRequired,
                    pressDecided + o.pressDecided, pressOnTime + o.pressOnTime, fedBack + o.fedBack,
                    completed + o.completed, overdue + o.overdue);
        }

        public Figures figures() {
            return Figures.of(this);
        }
    }

    /** The figures of a group: rates in percent (two decimals, null when nothing counts) and the counts behind them. */
    public record Figures(long incidents, long assigned, long responded, Double onTimeTargetRate, Double onTimeLimitRate,
                          Double pressConferenceRate, Double feedbackRate, Double completionRate, long overdue,
                          Rate response, Rate onTimeTarget, Rate onTimeLimit, Rate pressConference, Rate feedback,
                          Rate completion) {
        static Figures of(Counts c) {
            Rate response = new Rate(c.responded(), c.responseRequired());
            Rate target = new Rate(c.targetOnTime(), c.targetDecided());
            Rate limit = new Rate(c.limitOnTime(), c.limitDecided());
            Rate press = new Rate(c.pressOnTime(), c.pressDecided());
            Rate feedback = new Rate(c.fedBack(), c.assigned());
            Rate completion = new Rate(c.completed(), c.assigned());
            return new Figures(c.incidents(), c.assigned(), c.responded(), pct(target), pct(limit), pct(press),
                    pct(feedback), pct(completion), c.overdue(), response, target, limit, press, feedback, completion);
        }

        private static Double pct(Rate r) {
            String p = r.percent();
            return p == null ? null : Double.valueOf(p);
        }
    }

    /**
     * A unit's or county's line of a ranking. For a unit or county, {@code assigned} counts its assignments and
     * feedback/completion are per assignment; {@code incidents} the distinct incidents among them.
     */
    public record RankRow(int rank, Long id, String name, String county, boolean flagged, List<String> flags,
                          @JsonUnwrapped Figures figures) {
    }

    /** One bucket of a trend: {@code start} is the day, the Monday of the week, or the first of the month. */
    public record TrendRow(LocalDate start, @JsonUnwrapped Figures figures) {
    }

    public record Trends(List<TrendRow> day, List<TrendRow> week, List<TrendRow> month) {
    }

    /** Supervision records created for the incidents in scope, by step. */
    public record Escalations(long reminder, long urge, long supervise, long accountability) {
    }

    /** 领导批示 on incidents in scope: incidents instructed and how many of them are closed; instructions done. */
    public record Instructions(long incidents, long incidentsClosed, Double incidentCompletionRate, long instructions,
                               long completed, long completedInTime) {
    }

    /** Seconds; median and p90 by linear interpolation (percentile_cont) over {@code count} values. */
    public record Duration(long count, Double medianSeconds, Double p90Seconds) {
    }

    public record Durations(Duration toAcknowledge, Duration toFirstResponse, Duration toClose) {
    }

    /**
     * 政府信息公开工作年度报告 · 二、回应解读情况, from responses and press conferences recorded in the period
     * (by publication / conference time).
     */
    public record AnnualTable(LocalDate from, LocalDate to, long respondedIncidents, long pressConferences,
                              long pressConferencesPrincipal, long onlineInterviews, long onlineInterviewsPrincipal,
                              long interpretationArticles, long weiboWechatIncidents, long otherChannelIncidents) {
    }

    /** The scope echoed back. */
    public record Scope(LocalDate from, LocalDate to, String county, Long unitId, String grade, String category,
                        Long planId) {
    }

    public record Report(Instant at, Scope scope, @JsonUnwrapped Figures figures, List<RankRow> byUnit,
                         List<RankRow> byCounty, Trends trends, Escalations escalations, Instructions instructions,
                         Durations durations, AnnualTable annual, Map<String, Object> rules) {
    }
}
