package cn.tingfeng.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The tables of a statistics report, with Chinese headers, for export ({@code table=} names). */
public final class StatsTables {
    public static final List<String> NAMES = List.of("summary", "byUnit", "byCounty", "trendDay", "trendWeek",
            "trendMonth", "escalations", "instructions", "durations", "annual");

    private static final List<String> FIGURE_HEADERS = List.of("舆情事件数", "需处置（交办）数", "已回应数",
            "目标时限内回应数", "目标时限判定数", "目标时限回应率(%)", "最迟时限内回应数", "最迟时限判定数", "最迟时限回应率(%)",
            "按时发布会数", "发布会判定数", "发布会按时率(%)", "已反馈数", "反馈率(%)", "已办结数", "办结率(%)", "当前超期项");

    private StatsTables() {
    }

    public static Table table(String name, Stats.Report r) {
        return switch (name) {
            case "summary" -> new Table(name, "总体情况", FIGURE_HEADERS, List.of(figures(r.figures())));
            case "byUnit" -> ranking(name, "单位排名", "单位", r.byUnit());
            case "byCounty" -> ranking(name, "县区排名", "县区", r.byCounty());
            case "trendDay" -> trend(name, "按日趋势", r.trends().day());
            case "trendWeek" -> trend(name, "按周趋势", r.trends().week());
            case "trendMonth" -> trend(name, "按月趋势", r.trends().month());
            case "escalations" -> new Table(name, "督办情况", List.of("提醒", "催办", "督办", "问责"),
                    List.of(cells(r.escalations().reminder(), r.escalations().urge(), r.escalations().supervise(),
                            r.escalations().accountability())));
            case "instructions" -> new Table(name, "领导批示", List.of("批示事件数", "其中已办结", "办结率(%)", "批示条数",
                    "已完成", "按时完成"), List.of(cells(r.instructions().incidents(), r.instructions().incidentsClosed(),
                    r.instructions().incidentCompletionRate(), r.instructions().instructions(), r.instructions().completed(),
                    r.instructions().completedInTime())));
            case "durations" -> new Table(name, "用时（小时）", List.of("环节", "件数", "中位数", "P90"), List.of(
                    duration("签收", r.durations().toAcknowledge()), duration("首次回应", r.durations().toFirstResponse()),
                    duration("办结", r.durations().toClose())));
            case "annual" -> annual(r.annual());
            default -> throw new IllegalArgumentException(name);
        };
    }

    static Table annual(Stats.AnnualTable a) {
        return new Table("annual", "回应解读情况", List.of("项目", "数量"), List.of(
                cells("（一）回应公众关注热点或重大舆情数", a.respondedIncidents()),
                cells("1.参加或举办新闻发布会总次数", a.pressConferences()),
                cells("其中：主要负责同志参加新闻发布会次数", a.pressConferencesPrincipal()),
                cells("2.政府网站在线访谈次数", a.onlineInterviews()),
                cells("其中：主要负责同志参加政府网站在线访谈次数", a.onlineInterviewsPrincipal()),
                cells("3.政策解读稿件发布数", a.interpretationArticles()),
                cells("4.微博微信回应事件数", a.weiboWechatIncidents()),
                cells("5.其他方式回应事件数", a.otherChannelIncidents())));
    }

    private static Table ranking(String name, String title, String label, List<Stats.RankRow> rows) {
        List<String> headers = new ArrayList<>(List.of("名次", label, "所属县区", "低于底线"));
        headers.addAll(FIGURE_HEADERS);
        List<List<Object>> out = new ArrayList<>();
        for (Stats.RankRow row : rows) {
            List<Object> cells = new ArrayList<>(cells(row.rank(), row.name(), row.county(),
                    row.flagged() ? String.join("、", row.flags().stream().map(StatsTables::flagLabel).toList()) : ""));
            cells.addAll(figures(row.figures()));
            out.add(cells);
        }
        return new Table(name, title, headers, out);
    }

    private static Table trend(String name, String title, List<Stats.TrendRow> rows) {
        List<String> headers = new ArrayList<>(List.of("起始日期"));
        headers.addAll(FIGURE_HEADERS);
        List<List<Object>> out = new ArrayList<>();
        for (Stats.TrendRow row : rows) {
            List<Object> cells = new ArrayList<>(cells(row.start().toString()));
            cells.addAll(figures(row.figures()));
            out.add(cells);
        }
        return new Table(name, title, headers, out);
    }

    private static List<Object> figures(Stats.Figures f) {
        return cells(f.incidents(), f.assigned(), f.responded(), f.onTimeTarget().count(), f.onTimeTarget().of(),
                f.onTimeTargetRate(), f.onTimeLimit().count(), f.onTimeLimit().of(), f.onTimeLimitRate(),
                f.pressConference().count(), f.pressConference().of(), f.pressConferenceRate(), f.feedback().count(),
                f.feedbackRate(), f.completion().count(), f.completionRate(), f.overdue());
    }

    private static List<Object> duration(String label, Stats.Duration d) {
        return cells(label, d.count(), hours(d.medianSeconds()), hours(d.p90Seconds()));
    }

    private static Double hours(Double seconds) {
        return seconds == null ? null : Math.round(seconds / 36.0) / 100.0;
    }

    static String flagLabel(String flag) {
        return switch (flag) {
            case "onTimeLimit" -> "按时回应率";
            case "feedback" -> "反馈率";
            case "completion" -> "办结率";
            default -> flag;
        };
    }

    private static List<Object> cells(Object... values) {
        return new ArrayList<>(Arrays.asList(values));
    }
}
