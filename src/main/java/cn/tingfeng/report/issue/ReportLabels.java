package cn.tingfeng.report.issue;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** Chinese wording of recorded codes in reports (an unknown code is shown as recorded). */
final class ReportLabels {
    private static final Map<String, String> GRADE = Map.of("I", "I级（特别重大）", "II", "II级（重大）", "III", "III级（较大）",
            "IV", "IV级（一般）");
    private static final Map<String, String> SENTIMENT = Map.of("negative", "负面", "positive", "正面", "neutral", "中性",
            "unknown", "未研判");
    private static final Map<String, String> STATUS = Map.ofEntries(Map.entry("new", "待核实"), Map.entry("confirmed", "已确认"),
            Map.entry("dismissed", "已排除"), Map.entry("assigned", "已交办"), Map.entry("closed", "已办结"),
            Map.entry("merged", "已合并"), Map.entry("acknowledged", "已签收"), Map.entry("responded", "已回应"),
            Map.entry("disputed", "申请改派中"), Map.entry("reassigned", "已改派"), Map.entry("active", "办理中"),
            Map.entry("close_requested", "申请办结"));
    private static final Map<String, String> CLOCK_KEY = Map.of("ack", "签收", "firstResponse", "首次权威信息发布",
            "pressConference", "新闻发布会", "feedback", "反馈", "close", "办结", "instruction", "领导批示");
    private static final Map<String, String> CLOCK = Map.of("pending", "进行中", "warning", "已超目标时限", "overdue", "已超最迟时限",
            "met", "按时完成", "late", "超目标时限完成", "breached", "超最迟时限完成", "stopped", "已停止（未完成）");
    private static final Map<String, String> STEP = Map.of("reminder", "提醒", "urge", "催办", "supervise", "督办",
            "accountability", "问责");
    private static final Map<String, String> ACT = Map.of("RESPONSE_PUBLISHED", "回应", "PRESS_CONFERENCE_HELD", "新闻发布会",
            "FEEDBACK_REPORTED", "反馈", "CLOSED", "办结", "RETURNED", "退回");
    private static final Map<String, String> OPERATION = Map.of("merge", "合并", "split", "拆分", "regrade", "调整等级",
            "confirm", "确认", "dismiss", "排除");
    /** Platform codes (search uses the same words; report may not depend on search, which uses report's exports). */
    private static final Map<String, String> PLATFORM = Map.ofEntries(Map.entry("web", "网站"), Map.entry("news", "新闻"),
            Map.entry("weibo", "微博"), Map.entry("wechat", "微信"), Map.entry("forum", "论坛"), Map.entry("tieba", "贴吧"),
            Map.entry("douyin", "抖音"), Map.entry("kuaishou", "快手"), Map.entry("video", "视频"), Map.entry("zhihu", "知乎"),
            Map.entry("app", "客户端"), Map.entry("hotline", "热线"), Map.entry("gov", "政务网站"), Map.entry("blog", "博客"),
            Map.entry("qa", "问答"), Map.entry("import", "导入"), Map.entry("api", "接口推送"));
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private ReportLabels() {
    }

    static String grade(String g) {
        return g == null ? "未定级" : GRADE.getOrDefault(g, g);
    }

    static String sentiment(String s) {
        return s == null ? "未研判" : SENTIMENT.getOrDefault(s, s);
    }

    static String status(String s) {
        return s == null ? "—" : STATUS.getOrDefault(s, s);
    }

    static String clockKey(String k) {
        return k == null ? "—" : CLOCK_KEY.getOrDefault(k, k);
    }

    static String clock(String s) {
        return s == null ? "—" : CLOCK.getOrDefault(s, s);
    }

    static String step(String s) {
        return s == null ? "—" : STEP.getOrDefault(s, s);
    }

    static String act(String s) {
        return s == null ? "—" : ACT.getOrDefault(s, s);
    }

    static String operation(String s) {
        return s == null ? "—" : OPERATION.getOrDefault(s, s);
    }

    static String role(String r) {
        return "lead".equals(r) ? "牵头" : "co".equals(r) ? "协办" : r == null ? "—" : r;
    }

    static String category(String code) {
        if (code == null || code.isBlank()) return "未分类";
        try {
            return cn.tingfeng.incident.assess.Art18Category.fromCode(code).label();
        } catch (IllegalArgumentException e) {
            return code;
        }
    }

    static String platform(String code) {
        return code == null || code.isBlank() ? "未知" : PLATFORM.getOrDefault(code, code);
    }

    static String time(Instant t, ZoneId zone) {
        return t == null ? "—" : TIME.format(t.atZone(zone));
    }

    static String day(java.time.LocalDate d) {
        return DAY.format(d);
    }

    static String percent(Double p) {
        return p == null ? "—" : String.format(java.util.Locale.ROOT, "%.2f%%", p);
    }
}
