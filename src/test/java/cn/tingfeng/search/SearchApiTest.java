package cn.tingfeng.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.tingfeng.post.PostStore;
import cn.tingfeng.source.Source;
import cn.tingfeng.testsupport.TestAccounts;
import cn.tingfeng.testsupport.TestSources;
import cn.tingfeng.web.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Posts stored through PostStore are searchable at once, through the API, the page and the exports. */
@QuarkusTest
@io.quarkus.test.junit.TestProfile(IndexOnStoreProfile.class)
class SearchApiTest {
    @Inject
    PostStore store;
    @Inject
    TestSources sources;
    @Inject
    EntityManager em;
    @Inject
    cn.tingfeng.testsupport.MutableClock clock;

    String tag;
    Source news;
    Source forum;
    long water;
    long power;
    long dispute;

    /** A word no other test uses: latin letters, one term for HanLP. */
    static String tag() {
        Random r = new Random();
        StringBuilder b = new StringBuilder("zq");
        for (int i = 0; i < 8; i++) b.append((char) ('a' + r.nextInt(26)));
        return b.toString();
    }

    @BeforeEach
    void seed() {
        tag = tag();
        news = sources.create("search-news-" + tag);
        forum = sources.create("search-forum-" + tag);
        water = store(news, "1", "<script>alert(1)</script>孔望山景区停水", "游客反映 " + tag + " 孔望山景区昨天起停水，厕所无法使用。",
                "2030-05-01T02:00:00Z", "web");
        power = store(news, "2", "海州区小区停电", tag + " 小区停电两天，居民投诉物业不作为。", "2030-05-03T02:00:00Z", "web");
        dispute = store(forum, "3", "=HYPERLINK(\"http://x\") 灌南县物业纠纷", "网友发帖 " + tag + " 灌南县新安镇一小区物业费纠纷。",
                "2030-04-01T02:00:00Z", "forum");
    }

    long store(Source s, String n, String title, String body, String at, String platform) {
        return store.store(new PostStore.Incoming(s, "https://search.example.cn/" + tag + "/" + n + ".html", title, body, "网友",
                Instant.parse(at), platform, null)).postId();
    }

    static JsonPath search(String user, String query) {
        return TestAccounts.as(user).get("/api/search?" + query).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void allTermsMustMatchAndHitsAreMarkedInEscapedText() {
        JsonPath r = search("t-analyst", "q=" + tag + " 停水");
        assertThat(r.getLong("total")).isEqualTo(1);
        assertThat(r.getLong("items[0].postId")).isEqualTo(water);
        String title = r.getString("items[0].title");
        assertThat(title).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>").contains("<mark>停水</mark>");
        assertThat(r.getString("items[0].snippet")).contains("<mark>停水</mark>").contains("<mark>" + tag + "</mark>");
        assertThat(r.getString("items[0].source")).isEqualTo(news.key);
        assertThat(r.getString("items[0].platform")).isEqualTo("web");
        assertThat(r.getString("items[0].publishedAt")).startsWith("2030-05-01T02:00");

        assertThat(search("t-leader", "q=" + tag).getLong("total")).isEqualTo(3);
        assertThat(search("t-admin", "q=" + tag + " 停电").getList("items.postId", Long.class)).containsExactly(power);
        assertThat(search("t-analyst", "q=" + tag + " 停水 停电").getLong("total")).isZero();
    }

    @Test
    void placeNamesTwoCharacterWordsAndPhrasesAreFound() {
        assertThat(search("t-analyst", "q=孔望山 " + tag).getList("items.postId", Long.class)).containsExactly(water);
        assertThat(search("t-analyst", "q=投诉 " + tag).getList("items.postId", Long.class)).containsExactly(power);
        assertThat(search("t-analyst", "q=\"小区停电\" " + tag).getList("items.postId", Long.class)).containsExactly(power);
        assertThat(search("t-analyst", "q=\"停电小区\" " + tag).getLong("total")).isZero();
        // a single character narrows: 厕 occurs only in the water post
        assertThat(search("t-analyst", "q=" + tag + " 厕").getList("items.postId", Long.class)).containsExactly(water);
    }

    @Test
    void filtersNarrowByTimeSourcePlatformAndCounty() {
        assertThat(search("t-analyst", "q=" + tag + "&from=2030-05-02").getList("items.postId", Long.class)).containsExactly(power);
        assertThat(search("t-analyst", "q=" + tag + "&to=2030-05-01").getList("items.postId", Long.class)).containsExactlyInAnyOrder(water, dispute);
        assertThat(search("t-analyst", "q=" + tag + "&source=" + forum.key).getList("items.postId", Long.class)).containsExactly(dispute);
        assertThat(search("t-analyst", "q=" + tag + "&platform=forum").getList("items.postId", Long.class)).containsExactly(dispute);
        assertThat(search("t-analyst", "q=" + tag + "&county=灌南县").getList("items.postId", Long.class)).containsExactly(dispute);
        assertThat(search("t-analyst", "q=" + tag + "&county=海州区").getList("items.postId", Long.class)).contains(water, power)
                .doesNotContain(dispute);
        // the newest first among equal scores, paged
        JsonPath p0 = search("t-analyst", "q=" + tag + "&size=2");
        assertThat(p0.getLong("total")).isEqualTo(3);
        assertThat(p0.getList("items.postId", Long.class)).hasSize(2);
        assertThat(search("t-analyst", "q=" + tag + "&size=2&page=1").getList("items.postId", Long.class)).hasSize(1);
    }

    @Test
    void filtersByPlanIncidentAndSentimentFollowTheMonitoring() {
        String key = "search-plan-" + tag;
        TestAccounts.as("t-analyst").body(java.util.Map.of("name", "检索测试-" + tag, "rule", tag + " AND 爆炸", "sources", List.of(news.key)))
                .post("/api/plans").then().statusCode(201);
        clock.set(Instant.parse("2030-10-12T06:00:00Z"));
        try {
            long hit = store.store(new PostStore.Incoming(news, "https://search.example.cn/" + key + "/1.html",
                    tag + "物流园区发生爆炸 已致3人死亡", tag + " 一处仓储物流园区今天凌晨发生爆炸并引发火情，事故造成3人死亡，多名工人受伤。",
                    "网友", Instant.parse("2030-10-12T04:30:00Z"), "web", null)).postId();
            long incident = sources.incidentOf(hit);
            long plan = planId("检索测试-" + tag);
            String sentiment = sentimentOf(incident);
            assertThat(search("t-analyst", "q=" + tag + "&plan=" + plan).getList("items.postId", Long.class)).containsExactly(hit);
            JsonPath byIncident = search("t-analyst", "q=" + tag + "&incident=" + incident);
            assertThat(byIncident.getList("items.postId", Long.class)).containsExactly(hit);
            assertThat(byIncident.getLong("items[0].incidentId")).isEqualTo(incident);
            assertThat(search("t-analyst", "q=" + tag + "&sentiment=" + sentiment).getList("items.postId", Long.class)).containsExactly(hit);
            String other = "positive".equals(sentiment) ? "negative" : "positive";
            assertThat(search("t-analyst", "q=" + tag + "&sentiment=" + other).getLong("total")).isZero();
        } finally {
            clock.reset();
        }
    }

    @Transactional
    long planId(String name) {
        return ((Number) em.createNativeQuery("select id from monitoring_plan where name = ?1").setParameter(1, name).getSingleResult())
                .longValue();
    }

    @Transactional
    String sentimentOf(long incident) {
        return (String) em.createNativeQuery("select sentiment from incident_triage where incident_id = ?1").setParameter(1, incident)
                .getSingleResult();
    }

    @Test
    void badInputIsA400NamingTheField() {
        bad("q=", "q");
        bad("q=水", "q");
        bad("q=" + tag + "&from=yesterday", "from");
        bad("q=" + tag + "&from=2030-05-02&to=2030-05-01", "to");
        bad("q=" + tag + "&county=火星县", "county");
        bad("q=" + tag + "&sentiment=angry", "sentiment");
        bad("q=" + tag + "&plan=x", "plan");
        bad("q=" + tag + "&page=-1", "page");
        bad("q=" + tag + "&size=1000", "size");
        TestAccounts.as("t-analyst").get("/api/search/export?format=pdf&q=" + tag).then().statusCode(400)
                .body("details[0].field", equalTo("format"));
    }

    static void bad(String query, String field) {
        TestAccounts.as("t-analyst").get("/api/search?" + query).then().statusCode(400).body("details[0].field", equalTo(field));
    }

    @Test
    void departmentsMayNotSearch() {
        TestAccounts.as("t-department").get("/api/search?q=" + tag).then().statusCode(403);
        TestAccounts.as("t-department").get("/api/search/export?q=" + tag).then().statusCode(403);
        TestAccounts.as("t-analyst").post("/api/search/backfill").then().statusCode(403);
        WebSession.as("t-department").get("/app/search?q=" + tag).then().statusCode(403);
    }

    @Test
    void thePageShowsTheFormMarkedHitsPagingAndExportLinks() {
        String empty = WebSession.as("t-analyst").get("/app/search").then().statusCode(200).extract().asString();
        assertThat(empty).contains("全文检索", "name=\"q\"", "name=\"county\"", "灌南县", "href=\"/app/search\"");
        String page = WebSession.as("t-analyst").get("/app/search?q=" + tag + " 停水").then().statusCode(200).extract().asString();
        assertThat(page).contains("共 1 条结果", "<mark>停水</mark>", "&lt;script&gt;", "/app/search/export?format=xlsx&amp;q=",
                "2030-05-01 10:00").doesNotContain("<script>alert").doesNotContain("style=");
        // the page's export works with the page's session (the API's takes none), for the page's roles only
        WebSession.as("t-analyst").get("/app/search/export?format=csv&q=" + tag + " 停水").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv"));
        WebSession.as("t-analyst").get("/api/search/export?format=csv&q=" + tag).then().statusCode(401);
        WebSession.as("t-department").get("/app/search/export?format=csv&q=" + tag).then().statusCode(403);
        String refused = WebSession.as("t-leader").get("/app/search?q=" + tag + "&from=nope").then().statusCode(400).extract().asString();
        assertThat(refused).contains("class=\"error\"", "北京时间");
    }

    @Test
    void exportsReadBackWithFormulasDefused() throws Exception {
        byte[] csv = TestAccounts.as("t-analyst").get("/api/search/export?format=csv&q=" + tag).then().statusCode(200)
                .contentType("text/csv; charset=UTF-8").extract().asByteArray();
        assertThat(csv[0]).isEqualTo((byte) 0xEF);
        assertThat(csv[1]).isEqualTo((byte) 0xBB);
        assertThat(csv[2]).isEqualTo((byte) 0xBF);
        String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
        assertThat(text.split("\r\n")).hasSize(4);
        assertThat(text).startsWith("发布时间（北京时间）,标题").contains("\"'=HYPERLINK(\"\"http://x\"\") 灌南县物业纠纷\"")
                .contains("<script>alert(1)</script>孔望山景区停水");

        byte[] xlsx = TestAccounts.as("t-analyst").get("/api/search/export?format=xlsx&q=" + tag + "&platform=forum").then()
                .statusCode(200).extract().asByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> rows = wb.getFirstSheet().read();
            assertThat(rows).hasSize(2);
            assertThat(rows.get(0).getCellText(1)).isEqualTo("标题");
            assertThat(rows.get(1).getCellText(1)).isEqualTo("'=HYPERLINK(\"http://x\") 灌南县物业纠纷");
            assertThat(rows.get(1).getCellText(0)).isEqualTo("2030-04-01 10:00");
        }
    }

    @Test
    void postsStoredBeforeTheIndexAreBackfilled() {
        long old = insertUnindexed();
        assertThat(search("t-analyst", "q=" + tag + " 积水").getLong("total")).isZero();
        TestAccounts.as("t-admin").post("/api/search/backfill?batches=1000").then().statusCode(200).body("pending", equalTo(0));
        assertThat(search("t-analyst", "q=" + tag + " 积水").getList("items.postId", Long.class)).containsExactly(old);
        // an updated text replaces the terms
        store(news, "2", "海州区小区恢复供电", tag + " 小区已恢复供电。", "2030-05-03T02:00:00Z", "web");
        assertThat(search("t-analyst", "q=" + tag + " 停电").getLong("total")).isZero();
        assertThat(search("t-analyst", "q=" + tag + " 供电").getList("items.postId", Long.class)).containsExactly(power);
    }

    @Transactional
    long insertUnindexed() {
        OffsetDateTime at = OffsetDateTime.of(2029, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        em.createNativeQuery("insert into post (source_id, url, canonical_url, url_hash, title, body, published_at, fetched_at,"
                        + " platform, status, version_no) values (?1, ?2, ?2, ?3, ?4, ?5, ?6, ?6, 'web', 'active', 1)")
                .setParameter(1, news.id).setParameter(2, "https://search.example.cn/" + tag + "/old.html")
                .setParameter(3, "old-" + tag).setParameter(4, "旧帖").setParameter(5, tag + " 路口积水严重").setParameter(6, at)
                .executeUpdate();
        return ((Number) em.createNativeQuery("select id from post where url_hash = ?1").setParameter(1, "old-" + tag)
                .getSingleResult()).longValue();
    }
}
