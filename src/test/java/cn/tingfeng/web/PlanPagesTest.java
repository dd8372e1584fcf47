package cn.tingfeng.web;

import static cn.tingfeng.web.WebSession.as;
import static cn.tingfeng.web.WebSession.script;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import cn.tingfeng.post.PostStore;
import cn.tingfeng.testsupport.MutableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PlanPagesTest {
    @Inject
    PostStore store;
    @Inject
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void planPagesForAnalystAdminAndReadOnlyForLeader() {
        as("t-analyst").get("/app/plans").then().statusCode(200).body(containsString("监测方案")).body(containsString("新建方案"));
        as("t-admin").get("/app/plans/new").then().statusCode(200).body(containsString("/static/plans.js"));
        as("t-leader").get("/app/plans").then().statusCode(200).body(not(containsString("新建方案")));
        as("t-leader").get("/app/plans/new").then().statusCode(403);
        as("t-department").get("/app/plans").then().statusCode(403);
        as("t-supervisor").get("/app/plans").then().statusCode(403);
        given().redirects().follow(false).get("/app/plans").then().statusCode(302);
    }

    @Test
    void checkReturnsTheErrorPositionInChinese() {
        JsonPath bad = script("t-analyst").contentType("application/json").body(Map.of("rule", "连云港 AND (爆炸 OR"))
                .post("/app/plans/check").then().statusCode(200).extract().jsonPath();
        assertThat(bad.getBoolean("valid")).isFalse();
        assertThat(bad.getInt("errors[0].position")).isEqualTo(15);
        assertThat(bad.getString("errors[0].message")).startsWith("第 15 个字符处");
        script("t-analyst").contentType("application/json").body(Map.of("rule", "连云港 NEAR/10 爆炸"))
                .post("/app/plans/check").then().statusCode(200).body("valid", equalTo(true));
        script("t-leader").contentType("application/json").body(Map.of("rule", "a")).post("/app/plans/check").then().statusCode(403);
    }

    @Test
    void saveCreatesAndVersionsAPlanThroughTheForm() {
        String name = "网页方案" + System.nanoTime();
        String location = WebSession.form("t-analyst").formParam("name", name).formParam("mode", "expression")
                .formParam("rule", "连云港 AND 爆炸").formParam("enabled", "on").post("/app/plans")
                .then().statusCode(303).extract().header("Location");
        assertThat(location).matches(".*/app/plans/\\d+$");
        String id = location.substring(location.lastIndexOf('/') + 1);
        WebSession.form("t-analyst").formParam("id", id).formParam("name", name).formParam("mode", "slots").formParam("regions", "连云港、海州")
                .formParam("events", "爆炸\n起火").formParam("exclusions", "演习").post("/app/plans").then().statusCode(303);
        as("t-leader").get("/app/plans/" + id).then().statusCode(200).body(containsString("v2")).body(containsString("v1"))
                .body(containsString("连云港、海州")).body(containsString("disabled"));
        WebSession.form("t-analyst").formParam("id", id).formParam("name", name).formParam("mode", "expression").formParam("rule", "(")
                .post("/app/plans").then().statusCode(400).body(containsString("第 2 个字符处"));
    }

    @Test
    void previewHighlightsAndEscapes() {
        String tag = "网页预览" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "");
        Instant now = Instant.parse("2031-05-10T02:00:00Z");
        clock.set(now);
        store.store(new PostStore.Incoming(null, "https://web-preview.example.cn/" + tag, "<script>alert(1)</script>" + tag + "爆炸",
                "正文<img src=x onerror=alert(1)>" + tag + "发生爆炸。", "网友", now.minus(Duration.ofHours(5)), "web", null));
        JsonPath p = script("t-analyst").contentType("application/json").body(Map.of("rule", tag + " AND 爆炸", "days", 3))
                .post("/app/plans/preview").then().statusCode(200).extract().jsonPath();
        assertThat(p.getInt("matched")).isEqualTo(1);
        assertThat(p.getString("posts[0].title")).isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt;<mark>" + tag + "爆炸</mark>");
        assertThat(p.getString("posts[0].snippet")).contains("&lt;img").doesNotContain("<img");
    }
}
