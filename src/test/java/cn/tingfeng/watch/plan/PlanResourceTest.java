package cn.tingfeng.watch.plan;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import cn.tingfeng.post.PostStore;
import cn.tingfeng.testsupport.MutableClock;
import cn.tingfeng.testsupport.TestAccounts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PlanResourceTest {
    @Inject
    PostStore store;
    @Inject
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, TestAccounts.PASSWORD).contentType("application/json");
    }

    @Test
    void aRuleChangeIsANewVersionAndTheOldOneIsKept() {
        String name = "方案-" + UUID.randomUUID();
        long id = as("t-analyst").body(Map.of("name", name, "rule", "连云港 AND (爆炸 OR 起火)", "platforms", List.of("web")))
                .post("/api/plans").then().statusCode(201)
                .body("currentVersion", equalTo(1)).body("owner", equalTo("t-analyst")).extract().jsonPath().getLong("id");
        as("t-analyst").body(Map.of("rule", "连云港 AND (爆炸 OR 起火 OR 泄漏) NOT 演习")).put("/api/plans/" + id)
                .then().statusCode(200).body("currentVersion", equalTo(2)).body("versions", hasSize(2))
                .body("versions[0].rule", equalTo("连云港 AND (爆炸 OR 起火)"))
                .body("versions[1].rule", containsString("泄漏"));
        // unchanged rule, changed scope: no new version
        as("t-analyst").body(Map.of("rule", "连云港 AND (爆炸 OR 起火 OR 泄漏) NOT 演习", "platforms", List.of("weibo")))
                .put("/api/plans/" + id).then().statusCode(200).body("currentVersion", equalTo(2))
                .body("platforms", equalTo(List.of("weibo")));
        // slot form is a new version too
        as("t-admin").body(Map.of("slots", Map.of("regions", List.of("连云港", "灌云"), "events", List.of("爆炸"),
                "exclusions", List.of("演习")))).put("/api/plans/" + id).then().statusCode(200)
                .body("currentVersion", equalTo(3)).body("versions[2].kind", equalTo("slots"));
        JsonPath all = as("t-leader").get("/api/plans").then().statusCode(200).extract().jsonPath();
        assertThat(all.getList("name", String.class)).contains(name);
        as("t-department").get("/api/plans").then().statusCode(403);
        as("t-leader").body(Map.of("name", "x", "rule", "a")).post("/api/plans").then().statusCode(403);
    }

    @Test
    void aBadRuleIsRefusedWithItsPositionInChinese() {
        as("t-analyst").body(Map.of("name", "坏方案-" + UUID.randomUUID(), "rule", "连云港 AND (爆炸"))
                .post("/api/plans").then().statusCode(400).body("details[0].field", equalTo("rule"))
                .body("details[0].message", containsString("第"));
    }

    @Test
    void theEditorCheckGivesTheErrorPosition() {
        as("t-analyst").body(Map.of("rule", "连云港 AND (爆炸 OR 起火)")).post("/api/plans/check").then().statusCode(200)
                .body("valid", equalTo(true)).body("errors", hasSize(0));
        as("t-analyst").body(Map.of("rule", "连云港 AND")).post("/api/plans/check").then().statusCode(200)
                .body("valid", equalTo(false)).body("errors[0].position", equalTo(8))
                .body("errors[0].message", containsString("缺少检索词"));
        as("t-analyst").body(Map.of("rule", "连云港 NEAR/10 (爆炸 OR 起火)")).post("/api/plans/check").then()
                .body("valid", equalTo(false)).body("errors[0].position", equalTo(13))
                .body("errors[0].message", containsString("NEAR"));
        as("t-analyst").body(Map.of("rule", "爆炸)")).post("/api/plans/check").then()
                .body("valid", equalTo(false)).body("errors[0].position", equalTo(3))
                .body("errors[0].message", containsString("右括号"));
        as("t-analyst").body(Map.of("slots", Map.of("exclusions", List.of("演习")))).post("/api/plans/check").then()
                .body("valid", equalTo(false)).body("errors[0].message", containsString("至少需要"));
    }

    @Test
    void previewCountsTheLastDaysPostsAndHighlightsEscapingHostileHtml() {
        String tag = "预览" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "");
        Instant now = Instant.parse("2030-05-10T02:00:00Z");
        clock.set(now);
        store.store(new PostStore.Incoming(null, "https://preview.example.cn/" + tag + "/1",
                "<script>alert('x')</script>" + tag + "化工厂爆炸", "据网友爆料，<img src=x onerror=alert(1)>" + tag
                        + "一化工厂发生爆炸 & 起火。", "网友", now.minus(Duration.ofDays(1)), "web", null));
        store.store(new PostStore.Incoming(null, "https://preview.example.cn/" + tag + "/2", tag + "旧闻：爆炸",
                "很久以前的" + tag + "爆炸。", "网友", now.minus(Duration.ofDays(20)), "web", null));
        JsonPath p = as("t-analyst").body(Map.of("rule", tag + " AND 爆炸", "days", 7)).post("/api/plans/preview")
                .then().statusCode(200).extract().jsonPath();
        assertThat(p.getInt("matched")).isEqualTo(1);
        String title = p.getString("posts[0].title");
        assertThat(title).startsWith("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;<mark>" + tag + "</mark>化工厂<mark>爆炸</mark>");
        assertThat(p.getString("posts[0].snippet")).contains("&lt;img src=x onerror=alert(1)&gt;<mark>" + tag + "</mark>")
                .contains("&amp;").doesNotContain("<img").doesNotContain("<script");
        as("t-analyst").body(Map.of("rule", tag + " AND 爆炸", "days", 30)).post("/api/plans/preview")
                .then().statusCode(200).body("matched", equalTo(2));
        as("t-analyst").body(Map.of("rule", "(", "days", 7)).post("/api/plans/preview").then().statusCode(400);
    }
}
