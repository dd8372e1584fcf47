package cn.tingfeng.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Message bodies for group robots: 企业微信 ({"msgtype":"markdown","markdown":{"content":…}}, content at
 * most 4096 bytes) and 钉钉 ({"msgtype":"markdown","markdown":{"title":…,"text":…}}). Crawled text is
 * untrusted: markdown control characters in titles and summaries are neutralised.
 */
public final class RobotMessages {

    /** 企业微信 limits markdown content to 4096 bytes (UTF-8). */
    public static final int WECOM_MAX_BYTES = 4096;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ZoneId zone;

    public RobotMessages(ZoneId zone) {
        this.zone = zone;
    }

    /** The markdown text shared by both robots. */
    public String markdown(Alert a) {
        StringBuilder b = new StringBuilder();
        b.append("### 【").append(a.kind().label()).append("】").append(clean(a.title())).append('\n');
        if (a.grade() != null) {
            b.append("> 级别：**").append(a.grade().name()).append(" 级（").append(a.grade().label()).append("）**\n");
        }
        if (a.category() != null) {
            b.append("> 类别：").append(clean(a.category())).append('\n');
        }
        b.append("> 时间：").append(TIME.format(a.at().atZone(zone))).append('\n');
        if (a.summary() != null && !a.summary().isBlank()) {
            b.append('\n').append(clean(a.summary())).append('\n');
        }
        if (a.link() != null && a.link().startsWith("http")) {
            b.append("\n[查看详情](").append(a.link().replace(")", "%29").replace(" ", "%20")).append(")\n");
        }
        return b.toString();
    }

    public String weComBody(Alert a) {
        ObjectNode root = JSON.createObjectNode();
        root.put("msgtype", "markdown");
        root.putObject("markdown").put("content", truncateUtf8(markdown(a), WECOM_MAX_BYTES));
        return root.toString();
    }

    public String dingTalkBody(Alert a) {
        ObjectNode root = JSON.createObjectNode();
        root.put("msgtype", "markdown");
        ObjectNode md = root.putObject("markdown");
        md.put("title", a.kind().label() + "：" + clean(a.title()));
        md.put("text", markdown(a));
        return root.toString();
    }

    /** Markdown control characters and line breaks in untrusted text neutralised. */
    static String clean(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\r', '\n' -> b.append(' ');
                case '*', '_', '`', '[', ']', '#', '>', '<', '|', '~' -> b.append('\\').append(c);
                default -> b.append(c);
            }
        }
        return b.toString().strip();
    }

    static String truncateUtf8(String s, int maxBytes) {
        if (s.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
            return s;
        }
        String ellipsis = "…";
        int budget = maxBytes - ellipsis.getBytes(StandardCharsets.UTF_8).length;
        int bytes = 0;
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            int n = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + n > budget) {
                break;
            }
            bytes += n;
            i += Character.charCount(cp);
        }
        return s.substring(0, i) + ellipsis;
    }
}
