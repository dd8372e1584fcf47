package cn.tingfeng.report.issue;

import cn.tingfeng.audit.AuditLog;
import cn.tingfeng.report.doc.Block;
import cn.tingfeng.report.doc.ReportDocument;
import cn.tingfeng.shared.ApiException;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.Variant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Qute document templates: the shipped {@code report-templates/document.html}, replaced by an administrator's
 * version for one type ({@code flash} …) or for all ({@code document}). A template is refused, with the reason, when it
 * does not parse, does not render a sample report, disables HTML escaping ({@code raw}/{@code safe}) or drops the
 * number or title. Templates are HTML-escaped (recorded text never becomes markup).
 */
@ApplicationScoped
public class ReportTemplates {
    public static final String ALL = "document";
    static final Pattern UNESCAPED = Pattern.compile("\\b(raw|safe)\\b|\\{\\s*#include|\\{\\s*#insert");
    private static final String SAMPLE_TEXT = "样例<b>&amp;\"'";

    @Inject
    Engine engine;
    @Inject
    EntityManager em;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;

    private volatile String shipped;

    public record Source(String key, String content, boolean overridden) {
    }

    public static List<String> keys() {
        List<String> keys = new java.util.ArrayList<>(List.of(ALL));
        for (ReportType t : ReportType.values()) keys.add(t.code());
        return keys;
    }

    public String shipped() {
        String s = shipped;
        if (s == null) {
            try (InputStream in = ReportTemplates.class.getResourceAsStream("/report-templates/document.html")) {
                s = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            shipped = s;
        }
        return s;
    }

    /** The template text in force for a type: its own override, the override for all, or the shipped one. */
    public String sourceFor(ReportType type) {
        return override(type.code()).or(() -> override(ALL)).orElseGet(this::shipped);
    }

    public Source source(String key) {
        requireKey(key);
        Optional<String> o = override(key);
        return new Source(key, o.orElseGet(() -> key.equals(ALL) ? shipped() : sourceFor(ReportType.of(key).orElseThrow())), o.isPresent());
    }

    public String render(String template, ReportDocument doc) {
        return parse(template).data("doc", doc).render();
    }

    private Template parse(String content) {
        return engine.parse(content, Variant.forContentType(Variant.TEXT_HTML));
    }

    /** Refuses a template that cannot serve as a report, with a message naming the problem (400, field content). */
    public void validate(String content) {
        if (content == null || content.isBlank()) throw ApiException.badRequest("content", "模板不能为空");
        if (content.length() > 200_000) throw ApiException.badRequest("content", "模板过长（最多 200000 字符）");
        var m = UNESCAPED.matcher(content);
        if (m.find()) {
            throw ApiException.badRequest("content", "模板不能使用 “" + m.group().strip() + "”：报告中的记录文本必须转义输出，且模板须自成一体");
        }
        if (!content.contains(cn.tingfeng.report.doc.CjkFont.FAMILY)) {
            throw ApiException.badRequest("content", "模板的 font-family 须包含 " + cn.tingfeng.report.doc.CjkFont.FAMILY
                    + "（PDF 中嵌入的中文字体），否则 PDF 中的汉字无法显示");
        }
        String html;
        try {
            html = render(content, sample());
        } catch (RuntimeException e) {
            throw ApiException.badRequest("content", "模板有误：" + firstLine(e.getMessage()));
        }
        if (!html.contains("〔2026〕1期")) throw ApiException.badRequest("content", "模板须输出期号 {doc.number}");
        if (!html.contains("样例标题")) throw ApiException.badRequest("content", "模板须输出标题 {doc.title}");
        if (html.contains("<b>&")) throw ApiException.badRequest("content", "模板未转义记录文本");
    }

    @Transactional
    public Source save(String key, String content, String actor) {
        requireKey(key);
        validate(content);
        int n = em.createNativeQuery("update report_template set content = :c, updated_by = :u, updated_at = :t where template_key = :k")
                .setParameter("c", content).setParameter("u", actor).setParameter("t", clock.instant()).setParameter("k", key)
                .executeUpdate();
        if (n == 0) {
            em.createNativeQuery("insert into report_template (template_key, content, updated_by, updated_at) values (:k, :c, :u, :t)")
                    .setParameter("c", content).setParameter("u", actor).setParameter("t", clock.instant()).setParameter("k", key)
                    .executeUpdate();
        }
        audit.append(actor, "report.template.saved", "report_template", key,
                Map.of("sha256", ReportService.sha256(content.getBytes(StandardCharsets.UTF_8))));
        return new Source(key, content, true);
    }

    @Transactional
    public Source reset(String key, String actor) {
        requireKey(key);
        em.createNativeQuery("delete from report_template where template_key = :k").setParameter("k", key).executeUpdate();
        audit.append(actor, "report.template.reset", "report_template", key, Map.of());
        return source(key);
    }

    private Optional<String> override(String key) {
        List<?> rows = em.createNativeQuery("select content from report_template where template_key = :k").setParameter("k", key)
                .getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of((String) rows.get(0));
    }

    private static void requireKey(String key) {
        if (!keys().contains(key)) throw ApiException.badRequest("key", "须为 " + String.join("、", keys()) + " 之一");
    }

    static ReportDocument sample() {
        return new ReportDocument("daily", "舆情日报", "〔2026〕1期", "样例单位", "2026年1月1日", "样例标题" + SAMPLE_TEXT, "内部",
                "2026年1月1日", List.of(Block.h2("一、概况"), Block.h3("（一）样例"), Block.p(SAMPLE_TEXT), Block.field("来源", SAMPLE_TEXT),
                Block.quote("记录", SAMPLE_TEXT), Block.link(SAMPLE_TEXT, "https://example.cn/a?b=1&c=2"),
                Block.table(List.of("列"), List.of(List.of(SAMPLE_TEXT))),
                Block.chart("图", new byte[] {(byte) 0x89, 'P', 'N', 'G'})),
                List.of("研判意见样例"), List.of("处置建议样例"), "analyst");
    }

    private static String firstLine(String s) {
        if (s == null) return "无法解析";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
