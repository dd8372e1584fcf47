package cn.tingfeng.crawl;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import cn.tingfeng.testsupport.TestAccounts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** POST /api/extract: the general extractor on raw page bytes. */
@QuarkusTest
class ExtractResourceTest {
    static final String PAGE = "<html><head><title>灌南县部署防汛_灌南县人民政府</title></head><body>"
            + "<div class=nav><a href=/>首页</a> <a href=/a>政务公开</a></div><div class=main><h1>灌南县部署防汛</h1>"
            + "<div class=info>发布时间：2026年2月28日 16:30 来源：灌南县水利局</div><div class=content>"
            + "<p>灌南县要求各乡镇做好汛前检查，确保群众安全度汛。</p><p>县水利局对重点堤段开展拉网式排查，发现隐患立即整改。</p></div></div>"
            + "<div class=footer>主办：灌南县人民政府办公室</div></body></html>";

    @Test
    void extractsTitleTimeAuthorAndBodyFromAnInlinePage() {
        JsonPath r = given().auth().preemptive().basic("t-analyst", TestAccounts.PASSWORD)
                .contentType("text/html; charset=utf-8").body(PAGE.getBytes(StandardCharsets.UTF_8))
                .post("/api/extract?url=https://www.guannan.gov.cn/art/1.html").then().statusCode(200).extract().jsonPath();
        assertThat(r.getString("title")).isEqualTo("灌南县部署防汛");
        assertThat(r.getString("publishedAt")).isEqualTo("2026-02-28T16:30");
        assertThat(r.getString("author")).contains("灌南县水利局");
        assertThat(r.getString("body")).contains("确保群众安全度汛").contains("拉网式排查").doesNotContain("政务公开");
    }

    @Test
    void aDateAloneStaysADateAndTheCharsetIsFoundWithoutAHeader() {
        byte[] gbk = PAGE.replace("2026年2月28日 16:30", "2026-02-28").getBytes(Charset.forName("GBK"));
        given().auth().preemptive().basic("t-admin", TestAccounts.PASSWORD).contentType("text/html").body(gbk)
                .post("/api/extract?url=http://www.guannan.gov.cn/art/2.html").then().statusCode(200)
                .body("publishedAt", is("2026-02-28")).body("title", is("灌南县部署防汛"));
    }

    @Test
    void aGbkFixturePageFromTheSharedCorpus() throws Exception {
        Path pages = Path.of(System.getProperty("tingfeng.shared", "../shared")).resolve("fixtures/pages/cwced");
        String id = "0d931936-d510-4904-a714-88bb267b62da";
        Path page = pages.resolve("original/" + id + ".html");
        Assumptions.assumeTrue(Files.isRegularFile(page), "../shared not present: skipping fixture test");
        String label = Files.readString(pages.resolve("cleaned/" + id + ".txt")).replaceAll("\\s+", "");
        JsonPath r = given().auth().preemptive().basic("t-analyst", TestAccounts.PASSWORD).contentType("text/html")
                .body(Files.readAllBytes(page)).post("/api/extract?url=http://example.test/" + id + ".html")
                .then().statusCode(200).extract().jsonPath();
        assertThat(r.getString("publishedAt")).startsWith("2005-03-21");
        String body = r.getString("body").replaceAll("\\s+", "");
        assertThat(body).contains(label.substring(0, 20)).contains(label.substring(label.length() - 20));
    }

    @Test
    void aMissingOrInvalidUrlIsABadRequestNamingUrl() {
        given().auth().preemptive().basic("t-analyst", TestAccounts.PASSWORD).contentType("text/html").body(PAGE)
                .post("/api/extract").then().statusCode(400).body("details[0].field", is("url"));
        given().auth().preemptive().basic("t-analyst", TestAccounts.PASSWORD).contentType("text/html").body(PAGE)
                .post("/api/extract?url=ftp://example.org/x").then().statusCode(400).body("details[0].field", is("url"));
    }

    @Test
    void aPageOverTheLimitIsRefused() {
        byte[] huge = new byte[5 * 1024 * 1024 + 1];
        java.util.Arrays.fill(huge, (byte) 'a');
        given().auth().preemptive().basic("t-analyst", TestAccounts.PASSWORD).contentType("text/html").body(huge)
                .post("/api/extract?url=http://example.test/big.html").then().statusCode(413)
                .body("error", is("payload_too_large"));
    }

    @Test
    void departmentUsersMayNotUseIt() {
        given().auth().preemptive().basic("t-department", TestAccounts.PASSWORD).contentType("text/html").body(PAGE)
                .post("/api/extract?url=http://example.test/a.html").then().statusCode(403);
    }
}
