package cn.tingfeng.web;

import cn.tingfeng.tracking.TrackingViews.AssignmentView;
import cn.tingfeng.tracking.TrackingViews.EventView;
import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An assignment's history for people: every act in Chinese ({@code {a.entries}}), the responses recorded
 * ({@code {a.responses}}), the reason of an open 申请改派 ({@code {a.openDisputeReason}}) and of the 退回 still in force
 * ({@code {a.returnReason}}). The texts are the units' and analysts' own words: the templates escape them.
 */
@TemplateExtension
public final class TaskHistory {
    /** One act: when, who, what (Chinese), its details in one line, and a link when the act carried one. */
    public record Entry(Instant at, String actor, String what, String detail, String url, List<FileLink> files) {
    }

    /** An attachment of a response or feedback: its download link, name, size and type for people, and its SHA-256. */
    public record FileLink(String href, String name, String size, String type, String sha256) {
    }

    /** A recorded response (发布回应) with the stated publication time. */
    public record ResponseRow(Instant publishedAt, String channel, String url, String text, String actor, Instant recordedAt,
                              List<FileLink> files) {
    }

    private static final Map<String, String> WHAT = Map.ofEntries(Map.entry("ASSIGNED", "交办"), Map.entry("ACKNOWLEDGED", "签收"),
            Map.entry("RESPONSE_PUBLISHED", "发布回应"), Map.entry("PRESS_CONFERENCE_HELD", "新闻发布会"),
            Map.entry("FEEDBACK_REPORTED", "反馈办理情况"), Map.entry("CLOSE_REQUESTED", "申请办结"), Map.entry("CLOSED", "办结"),
            Map.entry("RETURNED", "退回"), Map.entry("DISPUTED", "申请改派"), Map.entry("DISPUTE_DECIDED", "改派申请处理"),
            Map.entry("START_ADJUSTED", "调整舆情起始时间"), Map.entry("INSTRUCTION_ISSUED", "领导批示"),
            Map.entry("INSTRUCTION_COMPLETED", "领导批示办理完毕"));

    private TaskHistory() {
    }

    static List<Entry> entries(AssignmentView a) {
        List<Entry> out = new ArrayList<>();
        for (EventView e : a.history()) {
            out.add(new Entry(e.at(), e.actor(), WHAT.getOrDefault(e.type(), e.type()), detail(e), link(detail(e, "url")), files(e)));
        }
        return out;
    }

    static List<ResponseRow> responses(AssignmentView a) {
        return a.history().stream().filter(e -> "RESPONSE_PUBLISHED".equals(e.type()))
                .map(e -> new ResponseRow(e.time(), detail(e, "channel"), link(detail(e, "url")), detail(e, "text"), e.actor(), e.at(),
                        files(e)))
                .toList();
    }

    /** The reason of the 申请改派 awaiting the analyst's decision, or null. */
    static String openDisputeReason(AssignmentView a) {
        String reason = null;
        for (EventView e : a.history()) {
            if ("DISPUTED".equals(e.type())) reason = e.reason();
            if ("DISPUTE_DECIDED".equals(e.type())) reason = null;
        }
        return reason;
    }

    /** The reason of the last 退回 when no new 申请办结 followed it, or null. */
    static String returnReason(AssignmentView a) {
        String reason = null;
        for (EventView e : a.history()) {
            if ("RETURNED".equals(e.type())) reason = e.reason();
            if ("CLOSE_REQUESTED".equals(e.type()) || "CLOSED".equals(e.type())) reason = null;
        }
        return reason;
    }

    private static String detail(EventView e) {
        return switch (e.type()) {
            case "ASSIGNED" -> "舆情起始时间 " + WebFormat.local(e.time());
            case "RESPONSE_PUBLISHED" -> join("发布时间 " + WebFormat.local(e.time()), label("渠道", detail(e, "channel")), detail(e, "text"));
            case "PRESS_CONFERENCE_HELD" -> join("召开时间 " + WebFormat.local(e.time()), label("发言人", detail(e, "spokesperson")),
                    detail(e, "note"));
            case "FEEDBACK_REPORTED" -> detail(e, "text");
            case "START_ADJUSTED" -> join("新的起始时间 " + WebFormat.local(e.time()), label("理由", e.reason()));
            case "INSTRUCTION_ISSUED" -> detail(e, "text");
            case "INSTRUCTION_COMPLETED" -> detail(e, "note");
            case "DISPUTE_DECIDED" -> join(detail(e, "newUnitId") != null ? "同意改派" : "维持交办", label("理由", e.reason()));
            default -> e.reason() == null ? null : "理由：" + e.reason();
        };
    }

    /** The files that came with the act ({@code attachments} in its details), as download links. */
    static List<FileLink> files(EventView e) {
        Object v = e.details() == null ? null : e.details().get("attachments");
        if (!(v instanceof List<?> list)) return List.of();
        List<FileLink> out = new ArrayList<>();
        for (Object o : list) {
            if (o instanceof Map<?, ?> m && m.get("id") != null) {
                long size = m.get("size") instanceof Number n ? n.longValue() : 0;
                String type = m.get("type") == null ? null : cn.tingfeng.tracking.attachment.FileKind.ofCode(String.valueOf(m.get("type")))
                        .map(cn.tingfeng.tracking.attachment.FileKind::label).orElse(null);
                out.add(new FileLink("/app/attachments/" + m.get("id"), String.valueOf(m.get("name")), WebLabels.bytes(size), type,
                        String.valueOf(m.get("sha256"))));
            }
        }
        return out;
    }

    private static String detail(EventView e, String key) {
        Object v = e.details() == null ? null : e.details().get(key);
        return v == null ? null : String.valueOf(v);
    }

    /** Only http(s) links become links; anything else (javascript: …) is dropped. */
    private static String link(String url) {
        return url != null && (url.startsWith("https://") || url.startsWith("http://")) ? url : null;
    }

    private static String label(String label, String value) {
        return value == null || value.isBlank() ? null : label + "：" + value;
    }

    private static String join(String... parts) {
        StringBuilder b = new StringBuilder();
        for (String p : parts) {
            if (p == null || p.isBlank()) continue;
            if (b.length() > 0) b.append("；");
            b.append(p);
        }
        return b.length() == 0 ? null : b.toString();
    }
}
