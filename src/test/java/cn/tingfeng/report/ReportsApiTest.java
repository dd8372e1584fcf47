package cn.tingfeng.report;

import static cn.tingfeng.tracking.TrackingApi.as;
import static cn.tingfeng.tracking.TrackingApi.assign;
import static cn.tingfeng.tracking.TrackingApi.createIncident;
import static cn.tingfeng.tracking.TrackingApi.post;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tingfeng.notify.ZeroReport;
import cn.tingfeng.report.issue.ReportScheduler;
import cn.tingfeng.report.issue.ReportService;
import cn.tingfeng.testsupport.MutableClock;
import cn.tingfeng.testsupport.TestAccounts;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issued reports through the HTTP API, on one seeded incident (times UTC; Beijing = +8): started 2026-12-06 02:00, one
 * post whose title and text carry markup and an ampersand (crawled text is hostile), assigned to 测试县教育局 which
 * published one response. Reports are issued with the clock at 2026-12-07 00:30 (08:30 Beijing).
 */
@QuarkusTest
class ReportsApiTest {
    static final String HOSTILE_TITLE = "测试<script>alert(1)</script> & 燃气泄漏";
    static final String POST_TITLE = "网帖<b>标题</b> & <img src=x onerror=alert(2)>";
    static final String POST_BODY = "某小区燃气泄漏，居民反映 <script>steal()</script> 情况 & 诉求。\u0001控制字符";
    static final String RESPONSE_TEXT = "经核查，燃气公司已于当日完成抢修，无人员伤亡。";
    static final Path ARTIFACTS = Path.of("target/report-artifacts");

    @Inject
    MutableClock clock;
    @Inject
    TestAccounts accounts;
    @Inject
    EntityManager em;
    @Inject
    ReportScheduler scheduler;
    @Inject
    MockMailbox mailbox;

    static boolean seeded;
    static long incident;

    @BeforeEach
    void seed() {
        if (!seeded) {
            clock.set(Instant.parse("2026-12-06T02:00:00Z"));
            incident = createIncident(HOSTILE_TITLE, "III", Instant.parse("2026-12-06T02:00:00Z"));
            QuarkusTransaction.requiringNew().run(() -> {
                em.createNativeQuery("insert into post (url, canonical_url, url_hash, title, body, author, published_at, fetched_at,"
                        + " platform, likes, comments, shares, views) values ('https://bbs.example.cn/t/1?a=1&b=2',"
                        + " 'https://bbs.example.cn/t/1?a=1&b=2', 'reports-test-hash-1', :t, :b, '网友甲', :at, :at, 'forum', 12, 3, 4, 500)")
                        .setParameter("t", POST_TITLE).setParameter("b", POST_BODY).setParameter("at", Instant.parse("2026-12-06T01:50:00Z"))
                        .executeUpdate();
                Number post = (Number) em.createNativeQuery("select id from post where url_hash = 'reports-test-hash-1'").getSingleResult();
                em.createNativeQuery("insert into incident_post (incident_id, post_id) values (:i, :p)")
                        .setParameter("i", incident).setParameter("p", post.longValue()).executeUpdate();
            });
            clock.set(Instant.parse("2026-12-06T02:30:00Z"));
            long a = assign(incident, accounts.unitId(), "lead");
            clock.set(Instant.parse("2026-12-06T04:00:00Z"));
            post("t-department", "/api/assignments/" + a + "/responses", Map.of("publishedAt", "2026-12-06T04:00:00Z",
                    "channel", "政务微博", "text", RESPONSE_TEXT, "principalLeader", false), 200);
            seeded = true;
        }
        clock.set(Instant.parse("2026-12-07T00:30:00Z"));
    }

    @AfterEach
    void reset() {
        clock.reset();
    }

    static JsonPath issue(Map<String, Object> body) {
        return as("t-analyst").body(body).post("/api/reports").then().statusCode(201).extract().jsonPath();
    }

    static byte[] download(String user, long id, String format) {
        return as(user).get("/api/reports/" + id + "?format=" + format).then().statusCode(200).extract().asByteArray();
    }

    @Test
    void flashReportQuotesRecordsEscapesHostileTextAndReadsBackInEveryFormat() throws Exception {
        long started = System.nanoTime();
        JsonPath r = issue(Map.of("type", "flash", "incidentIds", List.of(incident), "opinion", "该事件已得到处置，舆论趋于平稳。",
                "suggestion", "建议测试县教育局持续发布后续进展。\n建议加强燃气安全宣传。"));
        long id = r.getLong("id");
        System.out.printf("report-figures: flash issued in %d ms; sizes %s%n", (System.nanoTime() - started) / 1_000_000,
                r.getList("files").stream().map(f -> ((Map<?, ?>) f).get("format") + "=" + ((Map<?, ?>) f).get("size")).toList());
        assertThat(r.getString("number")).matches("〔2026〕\\d+期");
        assertThat(r.getString("title")).isEqualTo("关于“" + HOSTILE_TITLE + "”的舆情快报");

        String html = new String(download("t-analyst", id, "html"), StandardCharsets.UTF_8);
        assertThat(html).doesNotContain("<script>").doesNotContain("<img src=x").doesNotContain("<b>标题")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; 燃气泄漏").contains(RESPONSE_TEXT)
                .contains("研判意见").contains("该事件已得到处置，舆论趋于平稳。").contains("建议加强燃气安全宣传。")
                .contains("连云港市舆情监测中心").contains(r.getString("number")).doesNotContain("\u0001");
        // never invents: every quoted passage is text recorded in the database (summary, post text, response)
        Set<String> recorded = Set.of("测试摘要", "某小区燃气泄漏，居民反映 <script>steal()</script> 情况 & 诉求。控制字符", RESPONSE_TEXT);
        List<Element> quotes = Jsoup.parse(html).select("blockquote p");
        assertThat(quotes).hasSizeGreaterThanOrEqualTo(3);
        for (Element q : quotes) {
            String text = q.text();
            assertThat(recorded).as("quoted passage %s", text).contains(text.substring(text.indexOf('：') + 1));
        }

        byte[] pdf = download("t-leader", id, "pdf");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String raw = new PDFTextStripper().getText(doc);
            String text = raw.replaceAll("\\s+", "");
            assertThat(text).contains("舆情快报").contains(r.getString("number")).contains(HOSTILE_TITLE.replace(" ", "")).contains("<script>alert(1)</script>")
                    .contains(RESPONSE_TEXT).contains("500");
            List<String> notEmbedded = new ArrayList<>();
            int fonts = 0;
            for (PDPage page : doc.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont f = page.getResources().getFont(name);
                    fonts++;
                    if (!f.isEmbedded()) notEmbedded.add(f.getName());
                }
            }
            assertThat(fonts).isPositive();
            assertThat(notEmbedded).as("fonts not embedded").isEmpty();
            assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(1);
            BufferedImage page1 = new PDFRenderer(doc).renderImageWithDPI(0, 110);
            Files.createDirectories(ARTIFACTS);
            ImageIO.write(page1, "png", ARTIFACTS.resolve("flash-page1.png").toFile());
            assertThat(raw).contains("— 1 —");
        }

        byte[] docx = download("t-supervisor", id, "docx");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
             XWPFWordExtractor ex = new XWPFWordExtractor(doc)) {
            String text = ex.getText();
            assertThat(text).contains("舆情快报").contains(r.getString("number")).contains(HOSTILE_TITLE).contains(RESPONSE_TEXT)
                    .contains("研判意见").contains("处置建议").contains("500").contains("测试县教育局");
            assertThat(doc.getFooterList()).isNotEmpty();
            assertThat(doc.getFooterList().get(0)._getHdrFtr().xmlText()).contains("PAGE");
        }

        // byte-identical download, the hash recorded in the list and in the audit chain
        assertThat(download("t-analyst", id, "pdf")).isEqualTo(pdf);
        assertThat(download("t-admin", id, "docx")).isEqualTo(docx);
        String pdfSha = ReportService.sha256(pdf);
        List<Map<String, Object>> list = as("t-leader").get("/api/reports").then().statusCode(200).extract().jsonPath().getList("$");
        Map<String, Object> listed = list.stream().filter(m -> ((Number) m.get("id")).longValue() == id).findFirst().orElseThrow();
        assertThat(listed.toString()).contains(pdfSha).contains(ReportService.sha256(docx));
        String payload = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select payload from audit_log where action = 'report.issued' and subject_type = 'report' and subject_id = :id")
                .setParameter("id", String.valueOf(id)).getSingleResult());
        assertThat(payload).contains(pdfSha).contains(r.getString("number")).contains("flash");
        as("t-supervisor").get("/api/audit/verify").then().statusCode(200);
    }

    @Test
    void numbersCountPerTypeAndYear() {
        int f1 = seq(issue(Map.of("type", "flash", "incidentIds", List.of(incident))).getString("number"));
        int s1 = seq(issue(Map.of("type", "special", "incidentIds", List.of(incident))).getString("number"));
        int f2 = seq(issue(Map.of("type", "flash", "incidentIds", List.of(incident))).getString("number"));
        JsonPath special = issue(Map.of("type", "special", "incidentIds", List.of(incident)));
        int s2 = seq(special.getString("number"));
        String html = new String(download("t-leader", special.getLong("id"), "html"), StandardCharsets.UTF_8);
        assertThat(html).contains("舆情专报").contains("一、测试&lt;script&gt;").contains("（四）工作措施").contains(RESPONSE_TEXT);
        assertThat(f2).isEqualTo(f1 + 1);
        assertThat(s2).isEqualTo(s1 + 1);
        clock.set(Instant.parse("2027-01-02T02:00:00Z"));
        assertThat(issue(Map.of("type", "special", "incidentIds", List.of(incident))).getString("number")).isEqualTo("〔2027〕1期");
    }

    static int seq(String number) {
        assertThat(number).matches("〔\\d{4}〕\\d+期");
        return Integer.parseInt(number.substring(6, number.length() - 1));
    }

    @Test
    void dailyAndWeeklyReportsCarryFiguresTablesAndCharts() throws Exception {
        JsonPath daily = issue(Map.of("type", "daily", "from", "2026-12-06", "to", "2026-12-06"));
        String html = new String(download("t-analyst", daily.getLong("id"), "html"), StandardCharsets.UTF_8);
        assertThat(html).contains("2026年12月6日舆情日报").contains("概况").contains("热点事件").contains("回应情况")
                .contains("&lt;script&gt;alert(1)").contains("测试县教育局").contains("下期关注").contains("data:image/png;base64,");

        JsonPath weekly = issue(Map.of("type", "weekly", "from", "2026-11-30", "to", "2026-12-06", "suggestion", "下周关注燃气安全。"));
        long id = weekly.getLong("id");
        System.out.printf("report-figures: weekly sizes %s%n",
                weekly.getList("files").stream().map(f -> ((Map<?, ?>) f).get("format") + "=" + ((Map<?, ?>) f).get("size")).toList());
        String wHtml = new String(download("t-analyst", id, "html"), StandardCharsets.UTF_8);
        assertThat(wHtml).contains("舆情周报").contains("每日舆情事件数").contains("帖文平台分布");
        assertThat(Jsoup.parse(wHtml).select("img.chart")).hasSize(2);
        byte[] docx = download("t-analyst", id, "docx");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx)); XWPFWordExtractor ex = new XWPFWordExtractor(doc)) {
            assertThat(doc.getAllPictures()).hasSize(2);
            assertThat(ex.getText()).contains("舆情周报").contains("论坛").contains(HOSTILE_TITLE).contains("下周关注燃气安全。");
        }
        byte[] pdf = download("t-analyst", id, "pdf");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(doc)).contains("舆情周报").contains("热点事件");
            Files.createDirectories(ARTIFACTS);
            for (int i = 0; i < Math.min(4, doc.getNumberOfPages()); i++) {
                ImageIO.write(new PDFRenderer(doc).renderImageWithDPI(i, 110), "png", ARTIFACTS.resolve("weekly-page" + (i + 1) + ".png").toFile());
            }
        }
    }

    @Test
    void departmentUsersGetForbiddenLeadersReadButCannotIssue() {
        long id = issue(Map.of("type", "flash", "incidentIds", List.of(incident))).getLong("id");
        as("t-department").get("/api/reports").then().statusCode(403);
        as("t-department").get("/api/reports/" + id + "?format=pdf").then().statusCode(403);
        as("t-department").body(Map.of("type", "daily")).post("/api/reports").then().statusCode(403);
        as("t-leader").body(Map.of("type", "daily")).post("/api/reports").then().statusCode(403);
        as("t-leader").get("/api/reports/" + id + "?format=docx").then().statusCode(200);
        as("t-analyst").get("/api/reports/" + id + "?format=xls").then().statusCode(400);
        as("t-analyst").body(Map.of("type", "flash")).post("/api/reports").then().statusCode(400);
        as("t-analyst").body(Map.of("type", "monthly")).post("/api/reports").then().statusCode(400);
        as("t-analyst").get("/api/reports/999999?format=pdf").then().statusCode(404);
    }

    @Test
    void zeroReportAtItsTimeSaysNothingWasFoundAndIsIssuedOnce() {
        clock.set(Instant.parse("2027-03-03T01:00:00Z")); // 09:00 Beijing: zero slot 03-02 17:00 → 03-03 09:00, no incident
        List<ReportService.ReportView> issued = scheduler.runDue();
        ReportService.ReportView zero = issued.stream().filter(v -> v.type().equals("zero")).findFirst().orElseThrow();
        assertThat(zero.slot()).isEqualTo("zero:2027-03-03T01:00:00Z");
        String html = new String(download("t-leader", zero.id(), "html"), StandardCharsets.UTF_8);
        assertThat(html).contains(ZeroReport.NOTHING_FOUND).contains("2027年3月2日 17:00").contains("定时零汇报");
        clock.set(Instant.parse("2027-03-03T01:05:00Z"));
        assertThat(scheduler.runDue()).isEmpty();
    }

    @Test
    void scheduledDailyAndWeeklyFireOnAReplayedClockOnceEvenWithTwoNodesAndAreMailed() throws Exception {
        mailbox.clear();
        clock.set(Instant.parse("2026-12-14T00:29:00Z")); // Monday 08:29 Beijing: not yet
        assertThat(scheduler.runDue()).isEmpty();
        clock.set(Instant.parse("2026-12-14T00:30:00Z")); // 08:30
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<List<ReportService.ReportView>> node = scheduler::runDue;
            List<Future<List<ReportService.ReportView>>> runs = pool.invokeAll(List.of(node, node));
            List<ReportService.ReportView> all = new ArrayList<>();
            for (Future<List<ReportService.ReportView>> f : runs) all.addAll(f.get());
            Set<String> slots = new HashSet<>();
            for (ReportService.ReportView v : all) assertThat(slots.add(v.slot())).as("slot issued twice: %s", v.slot()).isTrue();
            assertThat(slots).containsExactlyInAnyOrder("daily:2026-12-14", "weekly:2026-12-14");
            ReportService.ReportView weekly = all.stream().filter(v -> v.type().equals("weekly")).findFirst().orElseThrow();
            assertThat(weekly.periodFrom()).isEqualTo(Instant.parse("2026-12-06T16:00:00Z"));
            assertThat(weekly.periodTo()).isEqualTo(Instant.parse("2026-12-13T16:00:00Z"));
        } finally {
            pool.shutdownNow();
        }
        long stored = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from report where slot_key in ('daily:2026-12-14', 'weekly:2026-12-14')").getSingleResult()).longValue());
        assertThat(stored).isEqualTo(2);
        clock.set(Instant.parse("2026-12-14T00:50:00Z")); // 08:50, before the 09:00 zero report
        assertThat(scheduler.runDue()).isEmpty();
        var mails = mailbox.getMailsSentTo("reports@example.cn");
        assertThat(mails).hasSize(2);
        // a mail that did not go out (mailed_at released) is sent again on the next run within the grace period, once
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update report set mailed_at = null where slot_key = 'weekly:2026-12-14'").executeUpdate());
        assertThat(scheduler.runDue()).isEmpty();
        assertThat(scheduler.runDue()).isEmpty();
        assertThat(mailbox.getMailsSentTo("reports@example.cn")).hasSize(3);
        mails = mailbox.getMailsSentTo("reports@example.cn");
        assertThat(mails.get(0).getAttachments()).hasSize(2);
        assertThat(mails.stream().map(m -> m.getSubject()).toList()).anyMatch(s -> s.contains("舆情日报")).anyMatch(s -> s.contains("舆情周报"));
    }

    @Test
    void anAdministratorEditsTheTemplateAndABrokenOneIsRefused() {
        String shipped = as("t-admin").get("/api/reports/templates/document").then().statusCode(200).extract().jsonPath().getString("content");
        as("t-analyst").get("/api/reports/templates/document").then().statusCode(403);
        as("t-admin").body(Map.of("content", shipped.replace("{doc.title}</h1>", "{doc.title.raw}</h1>")))
                .put("/api/reports/templates/daily").then().statusCode(400).body("details[0].field", org.hamcrest.Matchers.equalTo("content"));
        as("t-admin").body(Map.of("content", shipped.replace("{/for}", "")))
                .put("/api/reports/templates/daily").then().statusCode(400)
                .body("details[0].message", org.hamcrest.Matchers.containsString("模板有误"));
        as("t-admin").body(Map.of("content", shipped.replace("{doc.number}", "")))
                .put("/api/reports/templates/daily").then().statusCode(400);
        as("t-admin").body(Map.of("content", shipped.replace("<hr>", "<hr><p class=\"center\">【模板已编辑】</p>")))
                .put("/api/reports/templates/daily").then().statusCode(200);
        try {
            long id = issue(Map.of("type", "daily", "from", "2026-12-06", "to", "2026-12-06")).getLong("id");
            assertThat(new String(download("t-analyst", id, "html"), StandardCharsets.UTF_8)).contains("【模板已编辑】");
            long flash = issue(Map.of("type", "flash", "incidentIds", List.of(incident))).getLong("id");
            assertThat(new String(download("t-analyst", flash, "html"), StandardCharsets.UTF_8)).doesNotContain("【模板已编辑】");
        } finally {
            as("t-admin").delete("/api/reports/templates/daily").then().statusCode(200);
        }
    }
}
