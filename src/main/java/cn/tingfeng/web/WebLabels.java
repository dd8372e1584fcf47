package cn.tingfeng.web;

import io.quarkus.qute.TemplateExtension;
import java.util.Map;

/** Chinese labels for the codes the services use ({@code {lbl:status(incident.status)}} …). */
@TemplateExtension(namespace = "lbl")
public final class WebLabels {
    private static final Map<String, String> STATUS = Map.ofEntries(Map.entry("new", "待核实"), Map.entry("confirmed", "已确认"),
            Map.entry("dismissed", "已排除"), Map.entry("assigned", "已交办"), Map.entry("closed", "已办结"),
            Map.entry("merged", "已合并"), Map.entry("acknowledged", "已签收"), Map.entry("responded", "已回应"),
            Map.entry("disputed", "有异议"), Map.entry("reassigned", "已改派"),
            Map.entry("active", "办理中"), Map.entry("close_requested", "申请办结"));
    private static final Map<String, String> CLOCK = Map.of("pending", "进行中", "warning", "已超目标时限", "overdue", "已超最迟时限",
            "met", "按时完成", "late", "超目标时限完成", "breached", "超最迟时限完成", "stopped", "已停止（未完成）");
    private static final Map<String, String> GRADE = Map.of("I", "I 级 特别重大", "II", "II 级 重大", "III", "III 级 较大", "IV", "IV 级 一般");
    private static final Map<String, String> STEP = Map.of("reminder", "提醒", "urge", "催办", "supervise", "督办",
            "accountability", "问责");
    private static final Map<String, String> CLOCK_KEY = Map.of("ack", "签收", "firstResponse", "首次回应",
            "pressConference", "新闻发布会", "feedback", "反馈", "close", "办结", "instruction", "领导批示");

    private WebLabels() {
    }

    static String status(String code) {
        return code == null ? "—" : STATUS.getOrDefault(code, code);
    }

    static String clock(String code) {
        return code == null ? "—" : CLOCK.getOrDefault(code, code);
    }

    static String grade(String grade) {
        return grade == null ? "未定级" : GRADE.getOrDefault(grade, grade);
    }

    static String step(String step) {
        return step == null ? "—" : STEP.getOrDefault(step, step);
    }

    static String clockName(String key) {
        return key == null ? "—" : CLOCK_KEY.getOrDefault(key, key);
    }

    /** Art. 18 category code → its Chinese label (the code itself when unknown). */
    static String category(String code) {
        if (code == null) {
            return "—";
        }
        try {
            return cn.tingfeng.incident.assess.Art18Category.fromCode(code).label();
        } catch (IllegalArgumentException e) {
            return code;
        }
    }

    /** Sentiment label and score, e.g. 负面（-0.93）. */
    static String sentiment(String label, Double score) {
        String name = label == null ? "—" : switch (label) {
            case "negative" -> "负面";
            case "positive" -> "正面";
            case "neutral" -> "中性";
            default -> label;
        };
        return score == null ? name : name + "（" + String.format(java.util.Locale.ROOT, "%.2f", score) + "）";
    }

    static String role(String role) {
        return "lead".equals(role) ? "牵头" : "co".equals(role) ? "协办" : role;
    }

    private static final Map<String, String> PLATFORM = Map.ofEntries(Map.entry("web", "网页"), Map.entry("news", "新闻网站"),
            Map.entry("weibo", "微博"), Map.entry("wechat", "微信"), Map.entry("forum", "论坛"), Map.entry("video", "短视频"),
            Map.entry("app", "客户端"), Map.entry("gov", "政府网站"), Map.entry("blog", "博客"), Map.entry("qa", "问答"),
            Map.entry("import", "导入"), Map.entry("api", "接口推送"));
    private static final Map<String, String> SOURCE_TYPE = Map.of("rss", "RSS 订阅", "html", "网页列表", "sitemap", "站点地图",
            "json", "数据接口", "import", "文件导入", "api", "接口推送");
    private static final Map<String, String> LEVEL = Map.of("city", "市级", "county", "县级", "township", "乡镇（街道）",
            "none", "待核实");

    /** Platform code of a post or source → 微博, 论坛, 网页 … (the code itself when unknown). */
    static String platform(String code) {
        return code == null ? "—" : PLATFORM.getOrDefault(code, code);
    }

    static String sourceType(String code) {
        return code == null ? "—" : SOURCE_TYPE.getOrDefault(code, code);
    }

    static String level(String code) {
        return code == null ? "—" : LEVEL.getOrDefault(code, code);
    }

    /** A rate for people: one decimal, without trailing zeros (0.3333… → 0.3, 2.0 → 2). */
    static String rate(double value) {
        java.math.BigDecimal d = java.math.BigDecimal.valueOf(value).setScale(1, java.math.RoundingMode.HALF_UP).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }

    /** A file size for people: 512 字节, 12.5 KB, 3.2 MB. */
    static String bytes(long n) {
        if (n < 1024) return n + " 字节";
        if (n < 1024 * 1024) return rate(n / 1024.0) + " KB";
        return rate(n / 1024.0 / 1024.0) + " MB";
    }

    /** Recipient code of a supervision record (unit, unit-leader, supervision-office …) → 责任单位, 责任单位主要负责人 …. */
    static String recipient(String code) {
        if (code == null) {
            return "—";
        }
        try {
            return cn.tingfeng.tracking.escalation.Recipient.of(code).label();
        } catch (RuntimeException e) {
            return code;
        }
    }
}
