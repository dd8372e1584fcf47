package cn.tingfeng.tracking.escalation;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chinese notification texts per step, as plain {@code {placeholder}} templates (no template engine).
 * One e-mail subject and body, and one plain-text webhook message (企业微信 / 钉钉 "text" messages:
 * plain text, so a hostile incident title cannot inject markdown links).
 *
 * <p>Placeholders: {@code {step} {incident} {unit} {obligation} {rule} {target} {limit} {deadline}
 * {dueAt} {overdue} {link}}. An unknown placeholder is left as written.
 */
public final class MessageTemplates {

    public record Template(String subject, String body, String webhook) {
    }

    public record Message(String subject, String body, String webhook) {
    }

    /**
     * What a message is about.
     *
     * @param incidentTitle title of the incident (untrusted text: control characters removed, length capped)
     * @param unitName      the responsible unit
     * @param link          URL of the incident page
     */
    public record Context(String incidentTitle, String unitName, String obligationLabel, String rule,
                          Instant target, Instant limit, String link) {
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");
    private static final int MAX_TITLE = 80;

    private final Map<EscalationStep, Template> templates;
    private final DateTimeFormatter format;

    private MessageTemplates(Map<EscalationStep, Template> templates, ZoneId zone) {
        this.templates = Map.copyOf(templates);
        this.format = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm").withZone(zone);
    }

    public static MessageTemplates defaults() {
        Map<EscalationStep, Template> m = new EnumMap<>(EscalationStep.class);
        m.put(EscalationStep.REMINDER, new Template(
                "【到期提醒】{unit}：“{incident}”{obligation}将于 {target} 到期",
                "{unit}：\n\n您单位承办的舆情“{incident}”，{obligation}将于 {target} 到期（{rule}）。"
                        + "请抓紧办理并在系统中登记。\n\n详情：{link}\n\n（听风舆情回应督办系统自动发送）",
                "【到期提醒】{unit}：舆情“{incident}”{obligation}将于 {target} 到期，请抓紧办理。{link}"));
        m.put(EscalationStep.URGE, new Template(
                "【催办】{unit}：“{incident}”{obligation}已超过目标时限",
                "{unit}：\n\n您单位承办的舆情“{incident}”，{obligation}目标时限为 {target}，至今未完成（{rule}），"
                        + "已超时 {overdue}。现予催办，请于 {limit} 前完成并在系统中登记，逾期将提请政府督查室督办。"
                        + "\n\n详情：{link}\n\n（听风舆情回应督办系统自动发送）",
                "【催办】{unit}：舆情“{incident}”{obligation}已超过目标时限 {target}（超时 {overdue}），请于 {limit} 前完成。{link}"));
        m.put(EscalationStep.SUPERVISE, new Template(
                "【督办】{unit}：“{incident}”{obligation}已超过最迟时限",
                "政府督查室、{unit}：\n\n舆情“{incident}”，{obligation}最迟时限为 {limit}，责任单位{unit}至今未完成（{rule}），"
                        + "已超时 {overdue}。经催办仍未办结，现转政府督查室督办，请责任单位主要负责人督促立即办理并说明原因。"
                        + "\n\n详情：{link}\n\n（听风舆情回应督办系统自动发送）",
                "【督办】舆情“{incident}”：{unit}{obligation}已超过最迟时限 {limit}（超时 {overdue}），已转政府督查室督办。{link}"));
        m.put(EscalationStep.ACCOUNTABILITY, new Template(
                "【问责提请】{unit}：“{incident}”{obligation}严重超时",
                "监察委员会、政府督查室：\n\n舆情“{incident}”，责任单位{unit}{obligation}最迟时限为 {limit}（{rule}），"
                        + "经催办、督办至 {dueAt} 仍未完成，已超时 {overdue}，达到问责提请条件，请按规定启动问责程序。"
                        + "\n\n详情：{link}\n\n（听风舆情回应督办系统自动发送）",
                "【问责提请】舆情“{incident}”：{unit}{obligation}超过最迟时限 {limit} 已 {overdue}，已提请监察委员会问责。{link}"));
        return new MessageTemplates(m, cn.tingfeng.shared.Zones.display());
    }

    /** A copy with one step's template replaced (administrator-edited texts). */
    public MessageTemplates with(EscalationStep step, Template template) {
        Map<EscalationStep, Template> m = new EnumMap<>(templates);
        m.put(step, template);
        return new MessageTemplates(m, format.getZone());
    }

    public Message render(EscalationStep step, Context ctx, Instant dueAt) {
        Template t = templates.get(step);
        Map<String, String> v = new HashMap<>();
        v.put("step", step.label());
        v.put("incident", clean(ctx.incidentTitle(), MAX_TITLE));
        v.put("unit", clean(ctx.unitName(), 60));
        v.put("obligation", clean(ctx.obligationLabel(), 40));
        v.put("rule", clean(ctx.rule(), 200));
        v.put("target", ctx.target() == null ? "" : format.format(ctx.target()));
        v.put("limit", ctx.limit() == null ? "" : format.format(ctx.limit()));
        Instant deadline = step == EscalationStep.REMINDER || step == EscalationStep.URGE ? ctx.target() : ctx.limit();
        v.put("deadline", deadline == null ? "" : format.format(deadline));
        v.put("dueAt", dueAt == null ? "" : format.format(dueAt));
        v.put("overdue", deadline == null || dueAt == null ? "" : humanDuration(Duration.between(deadline, dueAt)));
        v.put("link", ctx.link() == null ? "" : ctx.link());
        return new Message(fill(t.subject(), v), fill(t.body(), v), fill(t.webhook(), v));
    }

    /** Replaces each {@code {name}} present in the map; single pass, so values are never re-expanded. */
    public static String fill(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            m.appendReplacement(sb, Matcher.quoteReplacement(v != null ? v : m.group()));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** "2 小时 5 分钟", "3 天 1 小时", "不足 1 分钟". */
    public static String humanDuration(Duration d) {
        if (d.isNegative()) d = Duration.ZERO;
        long days = d.toDays();
        long hours = d.toHoursPart();
        long minutes = d.toMinutesPart();
        StringBuilder sb = new StringBuilder();
        if (days > 0) sb.append(days).append(" 天");
        if (hours > 0) sb.append(sb.length() > 0 ? " " : "").append(hours).append(" 小时");
        if (minutes > 0 && days == 0) sb.append(sb.length() > 0 ? " " : "").append(minutes).append(" 分钟");
        return sb.length() == 0 ? "不足 1 分钟" : sb.toString();
    }

    private static String clean(String s, int max) {
        if (s == null) return "";
        String c = s.replaceAll("[\\p{Cntrl}\\u2028\\u2029\\u202A-\\u202E\\u2066-\\u2069]", " ").strip();
        return c.codePointCount(0, c.length()) > max
                ? c.substring(0, c.offsetByCodePoints(0, max)) + "…" : c;
    }
}
