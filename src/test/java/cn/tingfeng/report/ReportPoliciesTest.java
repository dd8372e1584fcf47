package cn.tingfeng.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tingfeng.report.doc.Block;
import cn.tingfeng.report.doc.CjkFont;
import cn.tingfeng.report.doc.DocxWriter;
import cn.tingfeng.report.doc.PdfWriter;
import cn.tingfeng.report.doc.Texts;
import cn.tingfeng.report.issue.ReportNumber;
import cn.tingfeng.report.issue.ReportSchedule;
import cn.tingfeng.report.issue.ReportType;
import java.io.ByteArrayInputStream;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

/** The pure parts of issued reports: numbering, schedule slots, hostile text, fonts, the HTML → docx/PDF writers. */
class ReportPoliciesTest {
    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    static final ReportSchedule.Times TIMES = new ReportSchedule.Times(BEIJING, LocalTime.of(8, 30), DayOfWeek.MONDAY,
            LocalTime.of(8, 30), List.of(LocalTime.of(9, 0), LocalTime.of(17, 0)), Duration.ofHours(2));

    @Test
    void numbersAreYearAndSequencePerType() {
        assertThat(ReportNumber.next(2026, 0).text()).isEqualTo("〔2026〕1期");
        assertThat(ReportNumber.next(2026, 41).text()).isEqualTo("〔2026〕42期");
        assertThatThrownBy(() -> new ReportNumber(2026, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(ReportType.of("weekly")).contains(ReportType.WEEKLY);
        assertThat(ReportType.of("monthly")).isEmpty();
    }

    static List<String> slots(String instant) {
        return ReportSchedule.due(Instant.parse(instant), TIMES).stream().map(ReportSchedule.Due::slotKey).toList();
    }

    @Test
    void dailyAtItsTimeForThePreviousDayWithinTheGraceOnly() {
        assertThat(slots("2026-12-08T00:29:59Z")).isEmpty(); // Tue 08:29:59 Beijing
        assertThat(slots("2026-12-08T00:30:00Z")).containsExactly("daily:2026-12-08");
        ReportSchedule.Due d = ReportSchedule.due(Instant.parse("2026-12-08T00:30:00Z"), TIMES).get(0);
        assertThat(d.from()).isEqualTo(LocalDate.of(2026, 12, 7));
        assertThat(d.to()).isEqualTo(LocalDate.of(2026, 12, 7));
        assertThat(d.start()).isEqualTo(Instant.parse("2026-12-06T16:00:00Z"));
        assertThat(slots("2026-12-08T02:29:00Z")).contains("daily:2026-12-08");
        assertThat(slots("2026-12-08T02:30:00Z")).doesNotContain("daily:2026-12-08"); // grace over
    }

    @Test
    void weeklyOnMondayForThePreviousMondayToSunday() {
        List<ReportSchedule.Due> due = ReportSchedule.due(Instant.parse("2026-12-14T00:45:00Z"), TIMES);
        ReportSchedule.Due weekly = due.stream().filter(d -> d.type() == ReportType.WEEKLY).findFirst().orElseThrow();
        assertThat(weekly.slotKey()).isEqualTo("weekly:2026-12-14");
        assertThat(weekly.from()).isEqualTo(LocalDate.of(2026, 12, 7));
        assertThat(weekly.to()).isEqualTo(LocalDate.of(2026, 12, 13));
        assertThat(weekly.end()).isEqualTo(Instant.parse("2026-12-13T16:00:00Z"));
        assertThat(slots("2026-12-15T00:45:00Z")).containsExactly("daily:2026-12-15"); // Tuesday: no weekly
    }

    @Test
    void zeroReportCoversTheTimeSinceThePreviousZeroReportTime() {
        List<ReportSchedule.Due> due = ReportSchedule.due(Instant.parse("2026-12-08T01:00:00Z"), TIMES); // 09:00
        ReportSchedule.Due zero = due.stream().filter(d -> d.type() == ReportType.ZERO).findFirst().orElseThrow();
        assertThat(zero.start()).isEqualTo(Instant.parse("2026-12-07T09:00:00Z")); // 12-07 17:00 Beijing
        assertThat(zero.end()).isEqualTo(Instant.parse("2026-12-08T01:00:00Z"));
        assertThat(zero.slotKey()).isEqualTo("zero:2026-12-08T01:00:00Z");
        ReportSchedule.Due afternoon = ReportSchedule.due(Instant.parse("2026-12-08T09:10:00Z"), TIMES).stream()
                .filter(d -> d.type() == ReportType.ZERO).findFirst().orElseThrow();
        assertThat(afternoon.start()).isEqualTo(Instant.parse("2026-12-08T01:00:00Z"));
        assertThat(ReportSchedule.due(Instant.parse("2026-12-08T04:00:00Z"), TIMES)).isEmpty(); // 12:00: nothing due
    }

    @Test
    void recordedTextLosesOnlyWhatXmlCannotCarryAndLinksAreHttpOnly() {
        assertThat(Texts.clean("a<b>&\u0001\u0000c\uFFFE\ud800d 𠀀")).isEqualTo("a<b>&cd 𠀀");
        assertThat(Texts.clean(null)).isEmpty();
        assertThat(Texts.httpUrl("javascript:alert(1)")).isNull();
        assertThat(Texts.httpUrl("data:text/html,x")).isNull();
        assertThat(Texts.httpUrl("https://example.cn/a?b=1&c=2")).isEqualTo("https://example.cn/a?b=1&c=2");
        assertThat(Block.link("x", "javascript:alert(1)").href()).isNull();
    }

    @Test
    void aMissingFontIsAClearErrorNamingTheDebianPackage() {
        assertThatThrownBy(() -> CjkFont.locate(Optional.of("/nonexistent/font.ttf")))
                .hasMessageContaining("fonts-droid-fallback").hasMessageContaining("/nonexistent/font.ttf")
                .hasMessageContaining("tingfeng.report.pdf-font");
    }

    @Test
    void hostileMarkupInTheHtmlStaysTextInWordAndPdf() throws Exception {
        // what the template produces from a hostile title: escaped entities; the writers must carry them as text
        String html = "<html><head><title>t</title></head><body><p class=\"masthead\">舆情快报</p><h1>测试&lt;script&gt;alert(1)&lt;/script&gt; &amp; 燃气</h1>"
                + "<table><tr><th>帖文</th></tr><tr><td>&lt;img src=x onerror=alert(2)&gt; &amp;amp;</td></tr></table>"
                + "<blockquote><p><strong>回应：</strong>已处置 &lt;/w:t&gt;</p></blockquote></body></html>";
        byte[] docx = DocxWriter.docx(html);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx)); XWPFWordExtractor ex = new XWPFWordExtractor(doc)) {
            assertThat(ex.getText()).contains("测试<script>alert(1)</script> & 燃气").contains("<img src=x onerror=alert(2)> &amp;")
                    .contains("已处置 </w:t>");
        }
        CjkFont font = CjkFont.locate(Optional.empty());
        byte[] pdf = PdfWriter.pdf(html, font);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("测试<script>alert(1)</script> & 燃气").contains("已处置 </w:t>");
        }
    }
}
