package cn.tingfeng.report.doc;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;

/**
 * The rendered HTML as PDF (openhtmltopdf): the CJK font embedded (subset) under the family {@value CjkFont#FAMILY};
 * page numbers from the template's CSS {@code @page} margin boxes. Only {@code data:} resources are loaded: a template
 * cannot make the server fetch anything.
 */
public final class PdfWriter {
    private PdfWriter() {
    }

    public static byte[] pdf(String html, CjkFont font) {
        org.jsoup.nodes.Document parsed = Jsoup.parse(html);
        // the embedded fonts as the default, before the template's own styles (which may refine it)
        parsed.head().prependElement("style").text("html, body { font-family: " + CjkFont.LATIN_FAMILY + ", " + CjkFont.FAMILY + "; }");
        org.w3c.dom.Document dom = new W3CDom().fromJsoup(parsed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder b = new PdfRendererBuilder();
            b.useFastMode();
            font.latin().ifPresent(l -> b.useFont(l.toFile(), CjkFont.LATIN_FAMILY));
            b.useFont(font.path().toFile(), FAMILY_FOR_PDF);
            b.useUriResolver((base, uri) -> uri != null && uri.startsWith("data:") ? uri : null);
            b.withW3cDocument(dom, null);
            b.toStream(out);
            b.run();
        } catch (Exception e) {
            throw new IllegalStateException("PDF 生成失败：" + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private static final String FAMILY_FOR_PDF = CjkFont.FAMILY;
}
