package cn.tingfeng.report.doc;

import io.quarkus.qute.TemplateData;
import java.util.List;

/**
 * One piece of a report's body, as the document template renders it ({@code kind}: {@code h2}, {@code h3}, {@code p}
 * (optional bold {@code label} before the text), {@code quote} (text quoted as recorded, with {@code label} naming who
 * recorded it), {@code link} (text and an http(s) {@code href}), {@code table} ({@code headers}, {@code rows}) and
 * {@code chart} ({@code src}: a PNG data URI, {@code text}: its caption). Every text passes {@link Texts#clean}.
 */
@TemplateData
public record Block(String kind, String label, String text, String href, List<String> headers, List<List<String>> rows,
                    String src) {

    public static Block h2(String text) {
        return new Block("h2", null, Texts.clean(text), null, List.of(), List.of(), null);
    }

    public static Block h3(String text) {
        return new Block("h3", null, Texts.clean(text), null, List.of(), List.of(), null);
    }

    public static Block p(String text) {
        return new Block("p", null, Texts.clean(text), null, List.of(), List.of(), null);
    }

    /** "label：text", e.g. 来源：人民网. */
    public static Block field(String label, String text) {
        return new Block("p", Texts.clean(label), Texts.clean(text == null || text.isBlank() ? "—" : text), null, List.of(),
                List.of(), null);
    }

    /** Recorded text, quoted unchanged; {@code who} says where it was recorded (e.g. 灌云县教育局 回应 2026-…). */
    public static Block quote(String who, String text) {
        return new Block("quote", Texts.clean(who), Texts.clean(text), null, List.of(), List.of(), null);
    }

    /** A link; only http(s) addresses become links, anything else is shown as text. */
    public static Block link(String text, String url) {
        String href = Texts.httpUrl(url);
        return new Block("link", null, Texts.clean(text == null || text.isBlank() ? url : text), href, List.of(), List.of(), null);
    }

    public static Block table(List<String> headers, List<List<String>> rows) {
        return new Block("table", null, null, null, headers.stream().map(Texts::clean).toList(),
                rows.stream().map(r -> r.stream().map(Texts::clean).toList()).toList(), null);
    }

    public static Block chart(String caption, byte[] png) {
        return new Block("chart", null, Texts.clean(caption), null, List.of(), List.of(),
                "data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(png));
    }

    public boolean is(String k) {
        return kind.equals(k);
    }
}
