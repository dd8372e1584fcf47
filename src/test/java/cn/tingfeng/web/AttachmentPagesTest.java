package cn.tingfeng.web;

import static cn.tingfeng.web.WebSession.as;
import static cn.tingfeng.web.WebSession.csrf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

import cn.tingfeng.testsupport.MutableClock;
import cn.tingfeng.testsupport.TestAccounts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Attachments of responses and feedback: stored in the data directory by hash, the hash in the event and the audit
 * chain, downloads for the unit and the oversight roles only (403 for another unit), too large or disguised files
 * refused in Chinese with what was typed kept and nothing stored lost.
 */
@QuarkusTest
class AttachmentPagesTest {
    static final Instant START = Instant.parse("2030-11-05T02:00:00Z"); // 10:00 Beijing time
    static final byte[] PDF = ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);

    @Inject
    MutableClock clock;
    @Inject
    TestAccounts accounts;
    @Inject
    EntityManager em;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    long assignment(String title) {
        clock.set(START);
        long incident = TestAccounts.as("t-analyst").body(Map.of("title", title, "summary", "摘要：" + title, "grade", "II",
                "startedAt", START.toString())).post("/api/incidents").then().statusCode(201).extract().jsonPath().getLong("id");
        long a = TestAccounts.as("t-analyst").body(Map.of("unitId", accounts.unitId(), "role", "lead"))
                .post("/api/incidents/" + incident + "/assignments").then().statusCode(201).extract().jsonPath().getLong("id");
        clock.set(START.plusSeconds(20 * 60));
        return a;
    }

    /** The task page's multipart response form as the browser posts it. */
    static RequestSpecification responseForm(String user, String text) {
        return browser(as(user)).multiPart(text("_csrf", csrf(user))).multiPart(text("publishedAt", "2030-11-05T10:15"))
                .multiPart(text("channel", "政府网站")).multiPart(text("url", "https://gov.example.cn/n/7")).multiPart(text("text", text));
    }

    static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    static long attachmentId(String page) {
        Matcher m = Pattern.compile("href=\"/app/attachments/(\\d+)\"").matcher(page);
        assertThat(m.find()).as("an attachment link on the page").isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void aResponseWithAPdfIsStoredByHashRecordedInTheEventAndAuditAndDownloadableByTheUnitAndAnalystsOnly() throws Exception {
        long a = assignment("附件测试：某小区停水");
        byte[] pdf = (new String(PDF, StandardCharsets.US_ASCII) + a).getBytes(StandardCharsets.US_ASCII); // unique content
        String sha = sha256(pdf);
        responseForm("t-department", "关于停水问题的情况通报").multiPart("file", "关于停水的情况通报.pdf", pdf, "application/pdf")
                .post("/app/tasks/" + a + "/respond").then().statusCode(303)
                .header("Location", endsWith("/app/tasks/" + a + "?done=respond"));

        // stored in the data directory by year and hash
        Path stored = Path.of("target/test-data/attachments/2030/" + sha);
        assertThat(stored).exists();
        assertThat(Files.readAllBytes(stored)).isEqualTo(pdf);

        // the event carries the hash, and so does the audit chain
        Map<String, Object> file = TestAccounts.as("t-analyst").get("/api/incidents/" + incidentOf(a)).then().statusCode(200)
                .extract().jsonPath().getMap("assignments.find { it.id == " + a + " }.history.find { it.type == 'RESPONSE_PUBLISHED' }.details.attachments[0]");
        assertThat(file).containsEntry("sha256", sha).containsEntry("name", "关于停水的情况通报.pdf").containsEntry("type", "pdf");
        String payload = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select r.payload from AuditRecord r where r.subjectType = 'assignment' and r.subjectId = ?1 and r.action = 'assignment.response'",
                String.class).setParameter(1, String.valueOf(a)).getSingleResult());
        assertThat(payload).contains(sha);
        TestAccounts.as("t-admin").get("/api/audit/verify").then().statusCode(200);

        // the task page lists it with a download link
        String page = as("t-department").get("/app/tasks/" + a).then().statusCode(200).extract().asString();
        assertThat(page).contains("关于停水的情况通报.pdf").contains("SHA-256 " + sha.substring(0, 12));
        long id = attachmentId(page);

        Response r = as("t-department").get("/app/attachments/" + id).then().statusCode(200).extract().response();
        assertThat(r.asByteArray()).isEqualTo(pdf);
        assertThat(r.header("Content-Type")).startsWith("application/pdf");
        assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(r.header("Content-Disposition")).startsWith("attachment;")
                .contains("filename*=UTF-8''%E5%85%B3%E4%BA%8E%E5%81%9C%E6%B0%B4%E7%9A%84%E6%83%85%E5%86%B5%E9%80%9A%E6%8A%A5.pdf");

        // the analyst downloads it from the incident page; another unit's clerk gets 403, on the page and in the API
        assertThat(as("t-analyst").get("/app/incidents/" + incidentOf(a)).then().statusCode(200).extract().asString())
                .contains("/app/attachments/" + id);
        as("t-analyst").get("/app/attachments/" + id).then().statusCode(200);
        TestAccounts.as("t-leader").get("/api/attachments/" + id).then().statusCode(200);
        as("t-other-dept").get("/app/attachments/" + id).then().statusCode(403);
        TestAccounts.as("t-other-dept").get("/api/attachments/" + id).then().statusCode(403);
        as("t-department").get("/app/attachments/999999999").then().statusCode(404);
    }

    @Test
    void aTooLargeFileIsRefusedInChineseKeepingWhatWasTypedAndLosingNothingStored() throws Exception {
        long a = assignment("附件测试：过大的文件");
        responseForm("t-department", "第一次回应").post("/app/tasks/" + a + "/respond").then().statusCode(303);
        long before = countFiles();

        byte[] big = new byte[2 * 1024 * 1024 + 1]; // the test profile's limit is 2M
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        String page = responseForm("t-department", "第二次回应<b>").multiPart("file", "大文件.pdf", big, "application/pdf")
                .post("/app/tasks/" + a + "/respond").then().statusCode(400).extract().asString();
        assertThat(page).contains("class=\"error\"").contains("附件“大文件.pdf”超过大小上限 2 MB，未保存")
                .contains("第二次回应&lt;b&gt;").contains("value=\"2030-11-05T10:15\"").contains("value=\"政府网站\"")
                .contains("value=\"https://gov.example.cn/n/7\"").contains("<details class=\"act\" open><summary>发布回应")
                .contains("附件没有保存，请重新选择文件");
        assertThat(countFiles()).isEqualTo(before);
        // the first response is still there, the refused one is not
        String task = as("t-department").get("/app/tasks/" + a).then().statusCode(200).extract().asString();
        assertThat(task).contains("第一次回应").doesNotContain("第二次回应");
    }

    @Test
    void aDisguisedFileIsRefusedByItsContentNotItsName() {
        long a = assignment("附件测试：伪装的文件");
        byte[] html = "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8);
        responseForm("t-department", "带网页的回应").multiPart("file", "通报.pdf", html, "application/pdf")
                .post("/app/tasks/" + a + "/respond").then().statusCode(400)
                .body(containsString("附件“通报.pdf”的内容不是PDF 文件（实际为网页（HTML）），已拒绝"))
                .body(containsString("带网页的回应"));
        byte[] exe = new byte[512];
        exe[0] = 'M';
        exe[1] = 'Z';
        responseForm("t-department", "带程序的回应").multiPart("file", "通报.pdf", exe, "application/pdf")
                .post("/app/tasks/" + a + "/respond").then().statusCode(400).body(containsString("实际为可执行程序"));
        // an HTML page named .txt is not text either, and a name we do not accept is refused whatever it holds
        responseForm("t-department", "x").multiPart("file", "说明.txt", html, "text/plain")
                .post("/app/tasks/" + a + "/respond").then().statusCode(400).body(containsString("实际为网页（HTML）"));
        responseForm("t-department", "x").multiPart("file", "page.html", PDF, "text/html")
                .post("/app/tasks/" + a + "/respond").then().statusCode(400).body(containsString("类型不在允许范围内"));
        // the API refuses the same way
        api("t-department").multiPart(text("publishedAt", "2030-11-05T02:15:00Z")).multiPart(text("channel", "政府网站"))
                .multiPart(text("text", "接口回应")).multiPart("file", "通报.pdf", html, "application/pdf")
                .post("/api/assignments/" + a + "/responses").then().statusCode(400).body(containsString("实际为网页（HTML）"));
        assertThat(as("t-department").get("/app/tasks/" + a).then().statusCode(200).extract().asString()).contains("尚未登记回应");
    }

    @Test
    void theApiTakesAResponseAndFeedbackWithFilesAsMultipart() throws Exception {
        long a = assignment("附件测试：接口上传");
        byte[] docx = zip("word/document.xml", "[Content_Types].xml");
        api("t-department").multiPart(text("publishedAt", "2030-11-05T02:15:00Z")).multiPart(text("channel", "政务微博"))
                .multiPart(text("text", "接口回应")).multiPart("file", "回应.docx", docx, "application/octet-stream")
                .post("/api/assignments/" + a + "/responses").then().statusCode(200)
                .body("history.find { it.type == 'RESPONSE_PUBLISHED' }.details.attachments[0].sha256", org.hamcrest.Matchers.equalTo(sha256(docx)))
                .body("history.find { it.type == 'RESPONSE_PUBLISHED' }.details.attachments[0].type", org.hamcrest.Matchers.equalTo("docx"));
        byte[] txt = "整改情况：已完成管道抢修。".getBytes(StandardCharsets.UTF_8);
        api("t-department").multiPart(text("text", "已完成抢修")).multiPart("file", "整改情况.txt", txt, "text/plain")
                .post("/api/assignments/" + a + "/feedback").then().statusCode(200)
                .body("history.find { it.type == 'FEEDBACK_REPORTED' }.details.attachments[0].name", org.hamcrest.Matchers.equalTo("整改情况.txt"));
        // another unit cannot attach to it
        api("t-other-dept").multiPart(text("text", "不是我们的")).multiPart("file", "整改情况.txt", txt, "text/plain")
                .post("/api/assignments/" + a + "/feedback").then().statusCode(403);
        // feedback with a file through the page, and the text file downloads as text, never as a page
        browser(as("t-department")).multiPart(text("_csrf", csrf("t-department"))).multiPart(text("text", "页面反馈"))
                .multiPart("file", "补充说明.txt", "补充说明".getBytes(StandardCharsets.UTF_8), "text/plain")
                .post("/app/tasks/" + a + "/feedback").then().statusCode(303);
        String page = as("t-department").get("/app/tasks/" + a).then().statusCode(200).extract().asString();
        assertThat(page).contains("补充说明.txt").contains("回应.docx");
        Matcher m = Pattern.compile("href=\"/app/attachments/(\\d+)\" download>补充说明.txt").matcher(page);
        assertThat(m.find()).isTrue();
        Response r = as("t-department").get("/app/attachments/" + m.group(1)).then().statusCode(200).extract().response();
        assertThat(r.header("Content-Type")).startsWith("text/plain");
        assertThat(r.header("Content-Disposition")).startsWith("attachment;");
    }

    static RequestSpecification api(String user) {
        return browser(io.restassured.RestAssured.given().auth().preemptive().basic(user, TestAccounts.PASSWORD));
    }

    /** A text field of a multipart form in UTF-8, as browsers send it. */
    static io.restassured.specification.MultiPartSpecification text(String name, String value) {
        return new io.restassured.builder.MultiPartSpecBuilder(value).controlName(name).charset(StandardCharsets.UTF_8).build();
    }

    /** Multipart as browsers send it: UTF-8 names (Chinese file names) in the part headers. */
    static RequestSpecification browser(RequestSpecification spec) {
        return spec.config(io.restassured.RestAssured.config()
                .multiPartConfig(io.restassured.config.MultiPartConfig.multiPartConfig().defaultCharset(StandardCharsets.UTF_8))
                .httpClient(io.restassured.config.HttpClientConfig.httpClientConfig()
                        .httpMultipartMode(org.apache.http.entity.mime.HttpMultipartMode.BROWSER_COMPATIBLE)));
    }

    long incidentOf(long assignment) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select a.incident.id from Assignment a where a.id = ?1", Long.class).setParameter(1, assignment).getSingleResult());
    }

    static long countFiles() throws Exception {
        Path root = Path.of("target/test-data/attachments");
        if (!Files.exists(root)) return 0;
        try (var s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    static byte[] zip(String... entries) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (String e : entries) {
                z.putNextEntry(new ZipEntry(e));
                z.write(("<x>" + e + System.nanoTime() + "</x>").getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
