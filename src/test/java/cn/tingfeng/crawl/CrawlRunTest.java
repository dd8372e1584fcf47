package cn.tingfeng.crawl;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tingfeng.crawl.testing.CrawlersFolder;
import cn.tingfeng.crawl.testing.LocalServer;
import cn.tingfeng.post.Post;
import cn.tingfeng.post.PostRepository;
import cn.tingfeng.post.PostVersion;
import cn.tingfeng.post.UrlCanonicalizer;
import cn.tingfeng.testsupport.TestAccounts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Whole runs through the admin API against a local server: storing, conditional GET, versions, deletions, imports, health. */
@QuarkusTest
class CrawlRunTest {
    static final Charset GB18030 = Charset.forName("GB18030");

    @Inject
    SourceRegistry registry;
    @Inject
    PostRepository posts;

    LocalServer server;
    CrawlersFolder folder = new CrawlersFolder();

    @BeforeEach
    void start() throws Exception {
        server = new LocalServer();
    }

    @AfterEach
    void stop() {
        server.close();
        folder.close();
        registry.reload();
    }

    static RequestSpecification admin() {
        return given().auth().preemptive().basic("t-admin", TestAccounts.PASSWORD);
    }

    static String article(String title, String date, String paragraph) {
        return "<html><head><meta charset=\"gb18030\"><title>" + title + "_连云港市人民政府</title></head><body>"
                + "<div class=\"nav\"><a href=\"/\">首页</a> <a href=\"/a\">政务公开</a> <a href=\"/b\">政务服务</a></div>"
                + "<div class=\"main\"><h1>" + title + "</h1><div class=\"info\">发布时间：" + date + " 来源：连云港市政府办公室</div>"
                + "<div class=\"content\"><p>" + paragraph + "</p><p>" + paragraph.replace("。", "，并作出具体部署。") + "</p></div></div>"
                + "<div class=\"footer\">主办：连云港市人民政府办公室</div></body></html>";
    }

    JsonPath run(String key) {
        return admin().post("/api/admin/sources/" + key + "/run").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aRunStoresPostsA304ChangesNothingAChangedPageMakesAVersionAndA404MarksDeleted() {
        AtomicReference<String> first = new AtomicReference<>(article("市政府召开常务会议", "2026-03-01 08:00",
                "会议研究了海州区老旧小区改造和墟沟片区排水工程等事项。"));
        AtomicInteger version = new AtomicInteger(1);
        AtomicBoolean secondGone = new AtomicBoolean(false);
        String feed = "<?xml version=\"1.0\" encoding=\"GB18030\"?><rss version=\"2.0\"><channel><title>连云港要闻</title>"
                + "<item><title>市政府召开常务会议</title><link>" + server.uri("/art/1.html") + "?utm_source=rss</link></item>"
                + "<item><title>灌南县部署防汛</title><link>" + server.uri("/art/2.html") + "</link></item></channel></rss>";
        server.on("/feed.xml", ex -> LocalServer.send(ex, 200, "application/rss+xml", feed.getBytes(GB18030)));
        server.on("/art/1.html", ex -> {
            String etag = "\"v" + version.get() + "\"";
            if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                LocalServer.send(ex, 304, null, new byte[0]);
                return;
            }
            ex.getResponseHeaders().set("ETag", etag);
            LocalServer.send(ex, 200, "text/html", first.get().getBytes(GB18030));
        });
        server.on("/art/2.html", ex -> {
            if (secondGone.get()) {
                LocalServer.send(ex, 404, "text/html", "not found", StandardCharsets.UTF_8);
                return;
            }
            ex.getResponseHeaders().set("Last-Modified", "Sun, 01 Mar 2026 00:00:00 GMT");
            if ("Sun, 01 Mar 2026 00:00:00 GMT".equals(ex.getRequestHeaders().getFirst("If-Modified-Since"))) {
                LocalServer.send(ex, 304, null, new byte[0]);
                return;
            }
            LocalServer.send(ex, 200, "text/html; charset=utf-8", // wrong header: the bytes are GB18030
                    article("灌南县部署防汛", "2026年2月28日 16:30", "灌南县要求各乡镇做好汛前检查，确保群众安全度汛。").getBytes(GB18030));
        });
        String key = CrawlersFolder.uniqueId("run-rss");
        folder.write(key + ".yaml", """
                id: %s
                name: 测试要闻
                type: rss
                url: %s
                schedule: 15m
                platform: 政府网站
                allowPrivateNetwork: true
                """.formatted(key, server.uri("/feed.xml")));
        registry.reload();
        String url1 = UrlCanonicalizer.canonicalize(server.uri("/art/1.html").toString());
        String url2 = UrlCanonicalizer.canonicalize(server.uri("/art/2.html").toString());

        JsonPath r1 = run(key);
        assertThat(r1.getInt("newPosts")).isEqualTo(2);
        assertThat(r1.getBoolean("failed")).isFalse();
        assertThat(post(url1)).contains("active", "v1", "市政府召开常务会议", "墟沟片区排水工程", "政府网站", key,
                "2026-03-01T00:00:00Z");
        assertThat(post(url2)).contains("确保群众安全度汛", "2026-02-28T08:30:00Z");

        JsonPath r2 = run(key);
        assertThat(r2.getInt("notModified")).isEqualTo(2);
        assertThat(r2.getInt("newPosts") + r2.getInt("updated") + r2.getInt("unchanged")).isZero();
        assertThat(post(url1)).contains("v1");

        first.set(article("市政府召开常务会议（更正）", "2026-03-01 08:00", "会议研究了海州区老旧小区改造和新浦片区排水工程等事项。"));
        version.set(2);
        JsonPath r3 = run(key);
        assertThat(r3.getInt("updated")).isEqualTo(1);
        assertThat(r3.getInt("notModified")).isEqualTo(1);
        assertThat(post(url1)).contains("v2", "新浦片区排水工程");
        assertThat(versions(url1)).singleElement().satisfies(v -> assertThat(v).contains("墟沟片区排水工程"));

        secondGone.set(true);
        JsonPath r4 = run(key);
        assertThat(r4.getInt("deleted")).isEqualTo(1);
        assertThat(post(url2)).contains("deleted", "确保群众安全度汛");

        JsonPath health = admin().get("/api/admin/sources/" + key).then().statusCode(200).extract().jsonPath();
        assertThat(health.getLong("health.runs")).isEqualTo(4);
        assertThat(health.getInt("health.itemsNew")).isEqualTo(2);
        assertThat(health.getInt("health.consecutiveFailures")).isZero();
        assertThat(health.getBoolean("health.failing")).isFalse();
        assertThat(health.getMap("health.errorsByKind")).isEmpty();
    }

    @Test
    void anImportFileIsTakenOnceWithItsReport() throws Exception {
        String key = CrawlersFolder.uniqueId("run-import");
        Path drop = Path.of("target/test-data/import").resolve(key);
        Files.createDirectories(drop);
        Files.write(drop.resolve("export.csv"), ("标题,链接,正文,发布时间,平台\n"
                + "灌云县一学校食堂问题,https://bbs.example/" + key + "/1,网友反映食堂卫生差。,2026-02-25 08:00,论坛\n"
                + "无链接,,正文,2026-02-25,论坛\n"
                + "赣榆区海鲜市场价格,https://weibo.example/" + key + "/2?from=timeline,网友称价格上涨。,2026-02-24 10:00,微博\n")
                .getBytes(Charset.forName("GBK")));
        folder.write(key + ".yaml", """
                id: %s
                name: 第三方导出
                type: import
                schedule: 5m
                platform: 第三方平台
                import: {folder: %s}
                """.formatted(key, key));
        registry.reload();

        JsonPath r1 = run(key);
        assertThat(r1.getInt("newPosts")).isEqualTo(2);
        assertThat(r1.getList("imports")).hasSize(1);
        assertThat(r1.getString("imports[0].file")).isEqualTo("export.csv");
        assertThat(r1.getInt("imports[0].taken")).isEqualTo(2);
        assertThat(r1.getInt("imports[0].rejected")).isEqualTo(1);
        assertThat(r1.getInt("imports[0].newPosts")).isEqualTo(2);
        assertThat(r1.getString("imports[0].rejectedRows[0].reason")).contains("缺少链接");
        assertThat(post(UrlCanonicalizer.canonicalize("https://weibo.example/" + key + "/2"))).contains("微博", "网友称价格上涨");

        JsonPath r2 = run(key);
        assertThat(r2.getList("imports")).isEmpty();
        assertThat(r2.getInt("itemsSeen")).isZero();

        JsonPath imports = admin().get("/api/admin/sources/" + key + "/imports").then().statusCode(200).extract().jsonPath();
        assertThat(imports.getList("file")).containsExactly("export.csv");
        assertThat(imports.getList("rejected[0]", String.class)).singleElement().asString().contains("缺少链接");
    }

    @Test
    void aSourceFailingRepeatedlyIsFlaggedInTheListAndInMetrics() {
        AtomicBoolean down = new AtomicBoolean(true);
        server.on("/list", ex -> {
            if (down.get()) {
                LocalServer.send(ex, 500, "text/plain", "boom", StandardCharsets.UTF_8);
            } else {
                LocalServer.send(ex, 200, "text/html; charset=utf-8", "<ul class=list></ul>", StandardCharsets.UTF_8);
            }
        });
        String key = CrawlersFolder.uniqueId("run-fail");
        folder.write(key + ".yaml", """
                id: %s
                name: 总是出错
                type: html
                url: %s
                schedule: 10m
                allowPrivateNetwork: true
                html: {item: "ul.list li"}
                """.formatted(key, server.uri("/list")));
        registry.reload();

        for (int i = 1; i <= 3; i++) {
            JsonPath r = run(key);
            assertThat(r.getBoolean("failed")).isTrue();
            assertThat(r.getInt("consecutiveFailures")).isEqualTo(i);
            assertThat(r.getBoolean("failing")).isEqualTo(i >= 3);
            assertThat(r.getMap("errorsByKind")).containsEntry("HTTP_ERROR", 1);
        }
        JsonPath list = admin().get("/api/admin/sources").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> all = list.getList("sources");
        Map<String, Object> s = all.stream().filter(x -> key.equals(x.get("key"))).findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        Map<String, Object> h = (Map<String, Object>) s.get("health");
        assertThat(h).containsEntry("consecutiveFailures", 3).containsEntry("failing", true).containsEntry("runs", 3);
        assertThat(h.get("errorsByKind")).isEqualTo(Map.of("HTTP_ERROR", 3));
        assertThat((String) h.get("lastError")).contains("500");

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("tingfeng_source_failing{source=\"" + key + "\"} 1.0")
                .contains("tingfeng_source_consecutive_failures{source=\"" + key + "\"} 3.0")
                .contains("tingfeng_crawl_runs_total{result=\"failed\",source=\"" + key + "\"} 3.0")
                .contains("tingfeng_crawl_errors_total{kind=\"HTTP_ERROR\",source=\"" + key + "\"} 3.0");

        down.set(false);
        JsonPath ok = run(key);
        assertThat(ok.getBoolean("failed")).isFalse();
        assertThat(ok.getInt("consecutiveFailures")).isZero();
        assertThat(given().get("/q/metrics").then().extract().asString())
                .contains("tingfeng_source_failing{source=\"" + key + "\"} 0.0");
    }

    @Test
    void runningAnUnknownSourceIsNotFound() {
        admin().post("/api/admin/sources/no-such-source/run").then().statusCode(404).body("error", org.hamcrest.Matchers.is("not_found"));
    }

    /** status, version, title, body, platform, source key, published instant of the post at a canonical URL. */
    @Transactional
    String post(String canonicalUrl) {
        Post p = posts.find("canonicalUrl", canonicalUrl).firstResult();
        assertThat(p).as("post " + canonicalUrl).isNotNull();
        return String.join("|", p.status, "v" + p.versionNo, p.title, p.body, p.platform,
                p.source == null ? "-" : p.source.key, String.valueOf(p.publishedAt));
    }

    @Transactional
    List<String> versions(String canonicalUrl) {
        return posts.getEntityManager()
                .createQuery("select v from PostVersion v where v.post.canonicalUrl = ?1 order by v.versionNo", PostVersion.class)
                .setParameter(1, canonicalUrl).getResultList().stream().map(v -> v.versionNo + ":" + v.title + ":" + v.body).toList();
    }
}
