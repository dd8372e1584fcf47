package cn.tingfeng.report.doc;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.Base64;
import java.util.Set;
import org.apache.poi.util.Units;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.Borders;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

/**
 * The rendered HTML of a report as a Word document, so that one (editable) template shapes all three formats. Maps the
 * subset the document template uses: {@code h1}–{@code h3}, {@code p} (classes {@code masthead}, {@code number},
 * {@code center}, {@code right}, {@code secrecy}, {@code meta}), {@code blockquote}, {@code ul/ol/li}, {@code table},
 * {@code img} with a PNG data URI, {@code hr}; {@code strong}/{@code b} inside paragraphs. Official-document page:
 * A4, margins 3.7/3.5/2.8/2.6 cm (GB/T 9704), body 仿宋 16 pt, headings 黑体/楷体, title 宋体 22 pt, a page
 * number field in the footer. Everything else is carried as text.
 */
public final class DocxWriter {
    private static final Set<String> CONTAINERS = Set.of("body", "div", "section", "header", "footer", "main", "article", "span");
    private static final String BODY_FONT = "仿宋";
    private static final String RED = "C00000";

    private DocxWriter() {
    }

    public static byte[] docx(String html) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            page(doc);
            org.jsoup.nodes.Document parsed = Jsoup.parse(html);
            String title = parsed.title();
            if (!title.isBlank()) doc.getProperties().getCoreProperties().setTitle(Texts.clean(title));
            for (Element e : parsed.body().children()) {
                block(doc, e);
            }
            footer(doc);
            doc.write(out);
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException("Word 文档生成失败：" + e.getMessage(), e);
        }
    }

    private static void block(XWPFDocument doc, Element e) throws Exception {
        String tag = e.tagName();
        switch (tag) {
            case "h1" -> text(doc.createParagraph(), e, "宋体", 22, true, ParagraphAlignment.CENTER, null, false);
            case "h2" -> text(doc.createParagraph(), e, "黑体", 16, false, ParagraphAlignment.LEFT, null, false);
            case "h3" -> text(doc.createParagraph(), e, "楷体", 16, true, ParagraphAlignment.LEFT, null, false);
            case "p" -> paragraph(doc, e);
            case "blockquote" -> {
                for (Element c : e.children()) {
                    if (c.tagName().equals("p")) {
                        XWPFParagraph p = doc.createParagraph();
                        p.setIndentationLeft(560);
                        text(p, c, "楷体", 14, false, ParagraphAlignment.LEFT, null, false);
                    } else {
                        block(doc, c);
                    }
                }
                if (e.children().isEmpty()) {
                    XWPFParagraph p = doc.createParagraph();
                    p.setIndentationLeft(560);
                    text(p, e, "楷体", 14, false, ParagraphAlignment.LEFT, null, false);
                }
            }
            case "ul", "ol" -> {
                int n = 1;
                for (Element li : e.children()) {
                    XWPFParagraph p = doc.createParagraph();
                    p.setIndentationLeft(420);
                    XWPFRun r = p.createRun();
                    font(r, BODY_FONT, 16, false, null);
                    r.setText(tag.equals("ol") ? (n++) + ". " : "· ");
                    runs(p, li, BODY_FONT, 16, false, null);
                }
            }
            case "table" -> table(doc, e);
            case "img" -> image(doc.createParagraph(), e);
            case "figure" -> {
                for (Element c : e.children()) {
                    if (c.tagName().equals("img")) image(doc.createParagraph(), c);
                    else text(doc.createParagraph(), c, BODY_FONT, 12, false, ParagraphAlignment.CENTER, null, false);
                }
            }
            case "hr" -> {
                XWPFParagraph p = doc.createParagraph();
                p.setBorderBottom(Borders.SINGLE);
                p.getCTPPr().getPBdr().getBottom().setColor(RED);
                p.getCTPPr().getPBdr().getBottom().setSz(BigInteger.valueOf(18));
            }
            case "style", "script", "title", "meta", "link" -> {
            }
            default -> {
                if (CONTAINERS.contains(tag)) {
                    for (Element c : e.children()) block(doc, c);
                } else if (!e.text().isBlank()) {
                    paragraph(doc, e);
                }
            }
        }
    }

    private static void paragraph(XWPFDocument doc, Element e) {
        XWPFParagraph p = doc.createParagraph();
        if (e.hasClass("masthead")) {
            text(p, e, "宋体", 36, true, ParagraphAlignment.CENTER, RED, false);
        } else if (e.hasClass("number")) {
            text(p, e, BODY_FONT, 16, false, ParagraphAlignment.CENTER, null, false);
        } else if (e.hasClass("secrecy")) {
            text(p, e, "黑体", 16, false, ParagraphAlignment.LEFT, null, false);
        } else if (e.hasClass("meta")) {
            text(p, e, BODY_FONT, 14, false, ParagraphAlignment.LEFT, null, false);
        } else if (e.hasClass("caption") || e.hasClass("center")) {
            text(p, e, BODY_FONT, 12, false, ParagraphAlignment.CENTER, null, false);
        } else if (e.hasClass("right")) {
            text(p, e, BODY_FONT, 16, false, ParagraphAlignment.RIGHT, null, false);
        } else {
            p.setFirstLineIndent(640);
            text(p, e, BODY_FONT, 16, false, ParagraphAlignment.LEFT, null, false);
        }
    }

    private static void text(XWPFParagraph p, Element e, String font, int size, boolean bold, ParagraphAlignment align,
                             String color, boolean italic) {
        p.setAlignment(align);
        runs(p, e, font, size, bold, color);
    }

    /** The element's text as runs; strong/b bold, links followed by nothing (the text is the address). */
    private static void runs(XWPFParagraph p, Element e, String font, int size, boolean bold, String color) {
        for (Node n : e.childNodes()) {
            if (n instanceof TextNode t) {
                String s = Texts.clean(t.getWholeText()).replaceAll("\\s+", " ");
                if (!s.isEmpty()) {
                    XWPFRun r = p.createRun();
                    font(r, font, size, bold, color);
                    r.setText(s);
                }
            } else if (n instanceof Element c) {
                if (c.tagName().equals("br")) {
                    p.createRun().addBreak();
                } else if (c.tagName().equals("img")) {
                    image(p, c);
                } else {
                    runs(p, c, font, size, bold || c.tagName().equals("strong") || c.tagName().equals("b"), color);
                }
            }
        }
    }

    private static void font(XWPFRun r, String eastAsia, int size, boolean bold, String color) {
        r.setFontSize(size);
        r.setBold(bold);
        if (color != null) r.setColor(color);
        r.setFontFamily("Times New Roman");
        CTFonts f = r.getCTR().isSetRPr() && r.getCTR().getRPr().sizeOfRFontsArray() > 0
                ? r.getCTR().getRPr().getRFontsArray(0) : r.getCTR().addNewRPr().addNewRFonts();
        f.setEastAsia(eastAsia);
    }

    private static void table(XWPFDocument doc, Element e) {
        var rows = e.select("tr");
        if (rows.isEmpty()) return;
        int cols = rows.stream().mapToInt(r -> r.select("> th, > td").size()).max().orElse(1);
        XWPFTable t = doc.createTable(rows.size(), Math.max(1, cols));
        t.setWidth("100%");
        for (int i = 0; i < rows.size(); i++) {
            XWPFTableRow row = t.getRow(i);
            var cells = rows.get(i).select("> th, > td");
            for (int j = 0; j < cells.size(); j++) {
                Element c = cells.get(j);
                XWPFParagraph p = row.getCell(j).getParagraphs().get(0);
                runs(p, c, BODY_FONT, 12, c.tagName().equals("th"), null);
            }
        }
        doc.createParagraph();
    }

    private static void image(XWPFParagraph p, Element img) {
        String src = img.attr("src");
        String prefix = "data:image/png;base64,";
        if (!src.startsWith(prefix)) {
            if (!img.attr("alt").isBlank()) p.createRun().setText(Texts.clean(img.attr("alt")));
            return;
        }
        try {
            byte[] png = Base64.getDecoder().decode(src.substring(prefix.length()));
            java.awt.image.BufferedImage bi = javax.imageio.ImageIO.read(new ByteArrayInputStream(png));
            int widthPt = 430;
            int heightPt = bi == null ? 180 : (int) Math.round(widthPt * (double) bi.getHeight() / bi.getWidth());
            p.setAlignment(ParagraphAlignment.CENTER);
            p.createRun().addPicture(new ByteArrayInputStream(png), Document.PICTURE_TYPE_PNG, "chart.png",
                    Units.toEMU(widthPt), Units.toEMU(heightPt));
        } catch (Exception ex) {
            throw new IllegalStateException("图表写入 Word 失败：" + ex.getMessage(), ex);
        }
    }

    private static void page(XWPFDocument doc) {
        CTSectPr sect = doc.getDocument().getBody().isSetSectPr() ? doc.getDocument().getBody().getSectPr()
                : doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
        size.setW(BigInteger.valueOf(11906));
        size.setH(BigInteger.valueOf(16838));
        CTPageMar mar = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
        mar.setTop(BigInteger.valueOf(2098));
        mar.setBottom(BigInteger.valueOf(1984));
        mar.setLeft(BigInteger.valueOf(1587));
        mar.setRight(BigInteger.valueOf(1474));
    }

    private static void footer(XWPFDocument doc) {
        XWPFFooter footer = doc.createFooter(HeaderFooterType.DEFAULT);
        XWPFParagraph p = footer.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        XWPFRun before = p.createRun();
        font(before, BODY_FONT, 14, false, null);
        before.setText("— ");
        p.getCTP().addNewFldSimple().setInstr("PAGE");
        XWPFRun after = p.createRun();
        font(after, BODY_FONT, 14, false, null);
        after.setText(" —");
    }
}
