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

    /** The shared department categories (docs: DOMAIN "Department categories") → 教育局, 卫生健康委员会 …. */
    private static final Map<String, String> UNIT_CATEGORY = Map.ofEntries(Map.entry("government-office", "政府办公室"),
            Map.entry("propaganda", "宣传部"), Map.entry("cyberspace", "网信办"), Map.entry("development-reform", "发展和改革委员会"),
            Map.entry("education", "教育局"), Map.entry("science-technology", "科学技术局"), Map.entry("industry-it", "工业和信息化局"),
            Map.entry("public-security", "公安局"), Map.entry("civil-affairs", "民政局"), Map.entry("justice", "司法局"),
            Map.entry("finance", "财政局"), Map.entry("human-resources", "人力资源和社会保障局"),
            Map.entry("natural-resources", "自然资源和规划局"), Map.entry("ecology-environment", "生态环境局"),
            Map.entry("financial-regulation", "地方金融监督管理局"), Map.entry("government-services", "政务服务管理办公室"),
            Map.entry("sports", "体育局"), Map.entry("supervision-office", "政府督查室"),
            Map.entry("housing-construction", "住房和城乡建设局"), Map.entry("urban-management", "城市管理局"),
            Map.entry("transport", "交通运输局"), Map.entry("water-resources", "水利局"), Map.entry("agriculture-rural", "农业农村局"),
            Map.entry("commerce", "商务局"), Map.entry("culture-tourism", "文化广电和旅游局"), Map.entry("health", "卫生健康委员会"),
            Map.entry("veterans-affairs", "退役军人事务局"), Map.entry("emergency-management", "应急管理局"),
            Map.entry("audit", "审计局"), Map.entry("market-regulation", "市场监督管理局"), Map.entry("medical-insurance", "医疗保障局"),
            Map.entry("statistics", "统计局"), Map.entry("letters-visits", "信访局"), Map.entry("housing-fund", "住房公积金管理中心"),
            Map.entry("state-assets", "国有资产监督管理委员会"), Map.entry("supervision-commission", "监察委员会"));

    /** A unit category code → its department name in Chinese; an unknown code is shown as 其他部门. */
    static String unitCategory(String code) {
        return code == null || code.isBlank() ? "—" : UNIT_CATEGORY.getOrDefault(code, "其他部门");
    }

    /**
     * A frozen SLA policy version id ({@code <jurisdiction>@<version>#<12 hex>}) for people: 默认策略 2026.1 版（校验码 …）.
     */
    static String policy(String versionId) {
        if (versionId == null || versionId.isBlank()) return "—";
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([^@]+)@([^#]+)(?:#(\\w+))?").matcher(versionId);
        if (!m.matches()) return "时限策略（" + versionId + "）";
        String j = "default".equals(m.group(1)) ? "默认" : m.group(1);
        return j + "策略 " + m.group(2) + " 版" + (m.group(3) == null ? "" : "（校验码 " + m.group(3) + "）");
    }

    /** A role code → 分析员, 承办单位 … (as the administrator's pages name them). */
    static String roleName(String code) {
        return code == null ? "—" : AdminPages.ROLE_LABELS.getOrDefault(code, code);
    }

    /** A source definition's state → 定义有效 / 定义有误 / 定义文件已删除. */
    static String definitionState(String code) {
        return code == null ? "—" : switch (code) {
            case "valid" -> "定义有效";
            case "invalid" -> "定义有误";
            case "missing" -> "定义文件已删除";
            default -> "定义状态未知";
        };
    }

    /** A plan version's form: 表达式 / 分槽填写. */
    static String ruleKind(String code) {
        return "slots".equals(code) ? "分槽填写" : "expression".equals(code) ? "表达式" : code == null ? "—" : "其他";
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
