package cn.tingfeng.report.issue;

import static cn.tingfeng.report.issue.ReportLabels.*;

import cn.tingfeng.notify.ZeroReport;
import cn.tingfeng.report.ReportFacts.ActLine;
import cn.tingfeng.report.ReportFacts.AssignmentLine;
import cn.tingfeng.report.ReportFacts.ClockLine;
import cn.tingfeng.report.ReportFacts.IncidentFacts;
import cn.tingfeng.report.ReportFacts.IncidentLine;
import cn.tingfeng.report.ReportFacts.InstructionLine;
import cn.tingfeng.report.ReportFacts.NoteLine;
import cn.tingfeng.report.ReportFacts.PeriodFacts;
import cn.tingfeng.report.ReportFacts.PostLine;
import cn.tingfeng.report.Stats;
import cn.tingfeng.report.doc.Block;
import cn.tingfeng.report.doc.Charts;
import cn.tingfeng.report.doc.CjkFont;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The body of each report from recorded facts. The only words of its own are headings, labels and the sentences that
 * carry figures; everything else — titles, summaries, post text, responses, 批示, the analysts' reasons — is quoted
 * as recorded (never paraphrased, never generated). Plain class (no container): the zone and the chart font are given.
 */
public final class ReportComposer {
    static final String[] NUMERALS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
    /** Longest excerpt of a post's text in a report; longer text is cut and marked （节选）. */
    static final int EXCERPT = 300;

    public record Body(String title, String period, List<Block> blocks) {
    }

    private final ZoneId zone;
    private final CjkFont font;

    public ReportComposer(ZoneId zone, CjkFont font) {
        this.zone = zone;
        this.font = font;
    }

    // ---- 舆情快报 ----

    public Body flash(IncidentFacts f) {
        return new Body("关于“" + f.title() + "”的舆情快报", null, incidentBlocks(f, false));
    }

    // ---- 舆情专报 ----

    public Body special(List<IncidentFacts> incidents) {
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < incidents.size(); i++) {
            IncidentFacts f = incidents.get(i);
            blocks.add(Block.h2(numeral(i) + "、" + f.title()));
            blocks.addAll(incidentBlocks(f, true));
        }
        String title = incidents.size() == 1 ? "关于“" + incidents.get(0).title() + "”的舆情专报"
                : "关于“" + incidents.get(0).title() + "”等" + incidents.size() + "起舆情的专报";
        return new Body(title, null, blocks);
    }

    List<Block> incidentBlocks(IncidentFacts f, boolean nested) {
        List<Block> b = new ArrayList<>();
        java.util.function.Function<String, Block> section = nested ? Block::h3 : Block::h2;
        int n = 0;
        b.add(section.apply(nested ? "（" + numeral(n++) + "）基本情况" : numeral(n++) + "、基本情况"));
        PostLine first = f.earliestPosts().isEmpty() ? null : f.earliestPosts().get(0);
        b.add(Block.field("事件", f.title()));
        b.add(Block.field("首发来源", first == null ? "无采集帖文" : join("，", first.source(), platform(first.platform()),
                time(first.publishedAt(), zone))));
        b.add(Block.field("发布平台", f.platforms().isEmpty() ? "—" : f.platforms().entrySet().stream()
                .map(e -> platform(e.getKey()) + " " + e.getValue() + " 条").collect(Collectors.joining("、"))));
        b.add(Block.field("涉及地点", f.place() == null ? "未识别" : f.place()));
        b.add(Block.field("起始时间", time(f.startedAt(), zone)));
        if (f.summary() != null && !f.summary().isBlank()) b.add(Block.quote("事件摘要（系统摘录）", f.summary()));
        if (first != null && first.body() != null && !first.body().isBlank()) {
            b.add(Block.quote("首发帖文《" + nz(first.title()) + "》", excerpt(first.body())));
        }

        b.add(section.apply(nested ? "（" + numeral(n++) + "）传播情况" : numeral(n++) + "、传播情况"));
        b.add(Block.table(List.of("帖文数", "来源数", "平台数", "转载（重复）", "点赞", "评论", "转发", "浏览"),
                List.of(List.of(num(f.posts()), num(f.sources()), num(f.platformCount()), num(f.reposts()), num(f.likes()),
                        num(f.comments()), num(f.shares()), num(f.views())))));
        b.add(Block.field("热度", String.format(Locale.ROOT, "近期每小时 %.1f 条，基线每小时 %.1f 条%s", f.recentRate(),
                f.baselineRate(), f.rising() ? "，热度上升中" : "")));
        b.add(Block.field("最新帖文时间", time(f.lastPostAt(), zone)));

        b.add(section.apply(nested ? "（" + numeral(n++) + "）研判" : numeral(n++) + "、研判"));
        b.add(Block.field("等级", grade(f.grade())));
        b.add(Block.field("类别", category(f.category())));
        b.add(Block.field("情感倾向", sentiment(f.sentiment()) + (f.sentimentScore() == null ? ""
                : String.format(Locale.ROOT, "（%.2f）", f.sentimentScore()))));
        b.add(Block.field("事件状态", status(f.status())));
        if (f.gradeReason() != null && !f.gradeReason().isBlank()) b.add(Block.quote("定级依据（记录）", f.gradeReason()));
        if (f.statusReason() != null && !f.statusReason().isBlank()) b.add(Block.quote("状态说明（记录）", f.statusReason()));
        for (NoteLine note : f.notes()) {
            b.add(Block.quote("分析员 " + nz(note.actor()) + " " + operation(note.kind()) + "（" + time(note.at(), zone) + "）",
                    join("；", note.reason(), note.detail())));
        }

        b.add(section.apply(nested ? "（" + numeral(n++) + "）工作措施" : numeral(n++) + "、工作措施"));
        if (f.assignments().isEmpty()) {
            b.add(Block.p("尚未交办。"));
        } else {
            b.add(Block.table(List.of("承办单位", "职责", "办理状态", "交办时间"), f.assignments().stream()
                    .map(a -> List.of(a.unit(), role(a.role()), status(a.status()), time(a.assignedAt(), zone))).toList()));
            for (AssignmentLine a : f.assignments()) {
                b.add(Block.p(a.unit() + "（" + role(a.role()) + "）办理时限："));
                b.add(Block.table(List.of("事项", "目标时限", "最迟时限", "完成时间", "状态"), a.clocks().stream()
                        .map((ClockLine c) -> List.of(clockKey(c.key()), time(c.target(), zone), time(c.limit(), zone),
                                c.met() == null ? "未完成" : time(c.met(), zone), clock(c.status()))).toList()));
                if (a.acts().isEmpty()) {
                    b.add(Block.p(a.unit() + "暂无回应、反馈记录。"));
                }
                for (ActLine act : a.acts()) {
                    Instant when = act.eventTime() != null ? act.eventTime() : act.at();
                    String who = a.unit() + " " + act(act.type()) + "（" + time(when, zone)
                            + (act.channel() == null ? "" : "，" + act.channel()) + "）";
                    b.add(Block.quote(who, act.text() == null || act.text().isBlank() ? "（无文字记录）" : act.text()));
                    if (act.url() != null && cn.tingfeng.report.doc.Texts.httpUrl(act.url()) != null) {
                        b.add(Block.link("回应链接", act.url()));
                    }
                }
            }
        }
        for (InstructionLine in : f.instructions()) {
            b.add(Block.quote("领导批示（" + nz(in.issuedBy()) + "，" + time(in.issuedAt(), zone) + "）", in.text()));
            b.add(Block.field("批示办理", in.completedAt() == null ? "未完成" + (in.dueAt() == null ? "" : "（期限 " + time(in.dueAt(), zone) + "）")
                    : "已于 " + time(in.completedAt(), zone) + " 完成" + (in.completionNote() == null ? "" : "：" + in.completionNote())));
        }

        b.add(section.apply(nested ? "（" + numeral(n++) + "）相关链接" : numeral(n++) + "、相关链接"));
        if (f.earliestPosts().isEmpty()) b.add(Block.p("无。"));
        for (PostLine p : f.earliestPosts()) {
            b.add(Block.link(join(" ", nz(p.title()), "（" + join("，", p.source(), platform(p.platform()),
                    time(p.publishedAt(), zone)) + "）"), p.url()));
        }
        return b;
    }

    // ---- 舆情日报 / 舆情周报 ----

    public Body period(ReportType type, PeriodFacts p) {
        String range = p.from().equals(p.to()) ? day(p.from()) : day(p.from()) + "至" + day(p.to());
        String title = range + type.label();
        Stats.Report s = p.stats();
        List<Block> b = new ArrayList<>();
        b.add(Block.h2("一、概况"));
        b.add(Block.p("本期（" + range + "）共监测到舆情事件 " + s.figures().incidents() + " 起，涉及帖文 " + p.posts()
                + " 条；其中需处置（已交办）" + s.figures().assigned() + " 起，已发布权威信息 " + s.figures().responded()
                + " 起；当前超时未办事项 " + s.figures().overdue() + " 项。"));
        Stats.Figures fg = s.figures();
        b.add(Block.table(List.of("指标", "数值", "计数"), List.of(
                List.of("舆情事件", num(fg.incidents()), "—"),
                List.of("需处置（已交办）", num(fg.assigned()), "—"),
                List.of("已回应", num(fg.responded()), fg.response().count() + "/" + fg.response().of()),
                List.of("首次权威信息按时率（目标时限）", percent(fg.onTimeTargetRate()), fg.onTimeTarget().count() + "/" + fg.onTimeTarget().of()),
                List.of("首次权威信息按时率（最迟时限）", percent(fg.onTimeLimitRate()), fg.onTimeLimit().count() + "/" + fg.onTimeLimit().of()),
                List.of("新闻发布会按时率", percent(fg.pressConferenceRate()), fg.pressConference().count() + "/" + fg.pressConference().of()),
                List.of("反馈率", percent(fg.feedbackRate()), fg.feedback().count() + "/" + fg.feedback().of()),
                List.of("办结率", percent(fg.completionRate()), fg.completion().count() + "/" + fg.completion().of()),
                List.of("超时未办事项", num(fg.overdue()), "—"),
                List.of("催办 / 督办 / 问责", s.escalations().urge() + " / " + s.escalations().supervise() + " / "
                        + s.escalations().accountability(), "—"))));

        b.add(Block.h2("二、热点事件"));
        if (p.top().isEmpty()) {
            b.add(Block.p("本期未监测到舆情事件。"));
        } else {
            List<List<String>> rows = new ArrayList<>();
            int i = 1;
            for (IncidentLine l : p.top()) {
                rows.add(List.of(String.valueOf(i++), l.title(), grade(l.grade()), category(l.category()), sentiment(l.sentiment()),
                        num(l.posts()), l.place() == null ? "—" : l.place(), time(l.startedAt(), zone)));
            }
            b.add(Block.table(List.of("序号", "事件", "等级", "类别", "倾向", "帖文数", "地点", "起始时间"), rows));
        }

        b.add(Block.h2("三、趋势"));
        Map<String, Long> byDay = new LinkedHashMap<>();
        for (Stats.TrendRow r : s.trends().day()) byDay.put(r.start().getMonthValue() + "-" + r.start().getDayOfMonth(), r.figures().incidents());
        if (byDay.size() > 1) {
            b.add(Block.chart("图1 本期每日舆情事件数", Charts.line(font, "每日舆情事件数", "日期", "事件数", "舆情事件", byDay)));
        }
        b.add(Block.table(List.of("日期", "舆情事件", "已交办", "已回应"), s.trends().day().stream()
                .map(r -> List.of(day(r.start()), num(r.figures().incidents()), num(r.figures().assigned()), num(r.figures().responded())))
                .toList()));

        b.add(Block.h2("四、平台与情感分布"));
        if (p.platforms().isEmpty()) {
            b.add(Block.p("本期无涉事帖文。"));
        } else {
            Map<String, Long> platforms = new LinkedHashMap<>();
            p.platforms().forEach((k, v) -> platforms.merge(platform(k), v, Long::sum));
            b.add(Block.chart("图" + (byDay.size() > 1 ? 2 : 1) + " 帖文平台分布", Charts.bars(font, "帖文平台分布", "平台", "帖文数", platforms)));
            b.add(Block.table(List.of("平台", "帖文数"), platforms.entrySet().stream().map(e -> List.of(e.getKey(), num(e.getValue()))).toList()));
        }
        if (!p.sentiments().isEmpty()) {
            b.add(Block.table(List.of("情感倾向", "事件数"), p.sentiments().entrySet().stream()
                    .map(e -> List.of(sentiment(e.getKey()), num(e.getValue()))).toList()));
        }

        b.add(Block.h2("五、负面与风险"));
        if (p.risks().isEmpty()) {
            b.add(Block.p("本期无负面或重大（I、II级）舆情事件。"));
        } else {
            b.add(Block.table(List.of("事件", "等级", "倾向", "状态", "定级依据（记录）"), p.risks().stream()
                    .map(l -> List.of(l.title(), grade(l.grade()), sentiment(l.sentiment()), status(l.status()),
                            l.gradeReason() == null ? "—" : l.gradeReason())).toList()));
        }

        b.add(Block.h2("六、回应情况"));
        if (s.byUnit().isEmpty()) {
            b.add(Block.p("本期无交办事项。"));
        } else {
            b.add(Block.table(List.of("排名", "承办单位", "交办", "已回应", "按时率（最迟时限）", "反馈率", "办结率", "超时"), s.byUnit().stream()
                    .map(r -> List.of(String.valueOf(r.rank()), r.name(), num(r.figures().assigned()), num(r.figures().responded()),
                            percent(r.figures().onTimeLimitRate()), percent(r.figures().feedbackRate()),
                            percent(r.figures().completionRate()), num(r.figures().overdue()))).toList()));
        }

        b.add(Block.h2("七、超时与督办"));
        if (p.overdue().isEmpty()) {
            b.add(Block.p("当前无超过最迟时限未完成的事项。"));
        } else {
            b.add(Block.table(List.of("事件", "承办单位", "事项", "最迟时限"), p.overdue().stream()
                    .map(o -> List.of(o.incident(), o.unit(), clockKey(o.clockKey()), time(o.limit(), zone))).toList()));
        }
        if (p.escalations().isEmpty()) {
            b.add(Block.p("本期无催办、督办、问责记录。"));
        } else {
            b.add(Block.table(List.of("时间", "措施", "事件", "承办单位", "事项"), p.escalations().stream()
                    .map(e -> List.of(time(e.at(), zone), step(e.step()), e.incident(), e.unit(), clockKey(e.clockKey()))).toList()));
        }

        b.add(Block.h2("八、下期关注"));
        if (p.watch().isEmpty()) {
            b.add(Block.p("无热度上升或尚未办结的事件。"));
        } else {
            b.add(Block.table(List.of("事件", "等级", "状态", "关注原因"), p.watch().stream()
                    .map(w -> List.of(w.incident().title(), grade(w.incident().grade()), status(w.incident().status()),
                            join("；", w.incident().rising() ? "热度上升" : null,
                                    w.openClocks() > 0 ? w.openClocks() + " 项办理时限未完成" : null))).toList()));
        }
        return new Body(title, range, b);
    }

    // ---- 定时零汇报 ----

    public Body zero(String jurisdiction, Instant from, Instant to, List<String> found) {
        String period = time(from, zone) + "—" + time(to, zone);
        List<Block> b = new ArrayList<>();
        b.add(Block.h2("汇报时段"));
        b.add(Block.p(period));
        b.add(Block.h2("监测情况"));
        if (found.isEmpty()) {
            b.add(Block.p(ZeroReport.text(jurisdiction, from, to, zone)));
        } else {
            b.add(Block.p("本时段发现新舆情 " + found.size() + " 起："));
            List<List<String>> rows = new ArrayList<>();
            for (int i = 0; i < found.size(); i++) rows.add(List.of(String.valueOf(i + 1), found.get(i)));
            b.add(Block.table(List.of("序号", "事件"), rows));
        }
        return new Body(jurisdiction + "定时零汇报（" + time(to, zone) + "）", period, b);
    }

    // ---- helpers ----

    static String numeral(int i) {
        return i < NUMERALS.length ? NUMERALS[i] : String.valueOf(i + 1);
    }

    static String excerpt(String text) {
        String t = text.strip();
        return t.codePointCount(0, t.length()) <= EXCERPT ? t : t.substring(0, t.offsetByCodePoints(0, EXCERPT)) + "……（节选）";
    }

    private static String num(long n) {
        return String.valueOf(n);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String join(String sep, String... parts) {
        List<String> out = new ArrayList<>();
        for (String p : parts) if (p != null && !p.isBlank()) out.add(p);
        return String.join(sep, out);
    }
}
