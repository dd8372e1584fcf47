package cn.tingfeng.web;

import static cn.tingfeng.web.WebSession.as;
import static cn.tingfeng.web.WebSession.form;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import cn.tingfeng.post.PostStore;
import cn.tingfeng.source.Source;
import cn.tingfeng.testsupport.MutableClock;
import cn.tingfeng.testsupport.TestAccounts;
import cn.tingfeng.testsupport.TestSources;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The analyst merges an incident into another and splits posts out into a new one through the incident page. */
@QuarkusTest
class MergeSplitPagesTest {
    @Inject
    PostStore store;
    @Inject
    TestSources testSources;
    @Inject
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    record Made(long incident, long post, String tag) {
    }

    Made incident(String place, String title, String text) {
        String key = "merge-" + UUID.randomUUID();
        String tag = "合并测试" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "");
        Source src = testSources.create(key);
        TestAccounts.as("t-analyst").body(Map.of("name", "合并测试-" + key, "rule", tag, "sources", List.of(src.key)))
                .post("/api/plans").then().statusCode(201);
        Instant now = Instant.parse("2030-10-12T06:00:00Z");
        clock.set(now);
        Long post = store.store(new PostStore.Incoming(src, "https://news.example.cn/" + key + "/1.html", tag + place + title,
                tag + place + text + "编号" + key, "网友", now.minus(Duration.ofMinutes(90)), "web", null)).postId();
        return new Made(testSources.incidentOf(post), post, tag);
    }

    static String status(long id) {
        return TestAccounts.as("t-analyst").get("/api/incidents/" + id + "/assessment").then().statusCode(200).extract().path("status");
    }

    static List<Long> posts(long id) {
        return TestAccounts.as("t-analyst").get("/api/incidents/" + id + "/posts").then().statusCode(200).extract().jsonPath()
                .getList("postId", Long.class);
    }

    @Test
    void analystMergesAnIncidentIntoAnotherThenSplitsAPostOutThroughThePage() {
        // stories of their own, so that no other test's posts join them
        Made a = incident("镇风筝节", "临时看台坍塌 多名观众擦伤", "风筝节临时搭建的看台下午突然坍塌，多名观众擦伤，主办方称看台已通过验收。");
        Made b = incident("村", "百年古银杏夜里被人挖走", "村口的百年古银杏夜里被人连根挖走，村民怀疑有人倒卖古树，要求追查。");
        assertThat(a.incident()).isNotEqualTo(b.incident());
        List<Long> postsA = posts(a.incident());
        List<Long> postsB = posts(b.incident());

        String page = as("t-analyst").get("/app/incidents/" + a.incident()).then().statusCode(200).extract().asString();
        assertThat(page).contains("action=\"/app/incidents/" + a.incident() + "/merge\"").contains("<summary>合并到其他事件</summary>")
                .contains("<option value=\"" + b.incident() + "\">#" + b.incident() + " " + b.tag());

        // refused: no reason (the API's own rule), nothing changed, what was typed kept with the form open
        form("t-analyst").formParam("target", "#" + b.incident()).formParam("reason", " ")
                .post("/app/incidents/" + a.incident() + "/merge").then().statusCode(400)
                .body(containsString("class=\"error\"")).body(containsString("理由"))
                .body(containsString("value=\"#" + b.incident() + "\"")).body(containsString("<details class=\"act\" open><summary>合并到其他事件"));
        // refused: an unknown target, and the incident itself
        form("t-analyst").formParam("target", "999999999").formParam("reason", "同一事件<b>")
                .post("/app/incidents/" + a.incident() + "/merge").then().statusCode(400)
                .body(containsString("找不到事件 #999999999")).body(containsString("同一事件&lt;b&gt;"));
        form("t-analyst").formParam("target", String.valueOf(a.incident())).formParam("reason", "同一事件")
                .post("/app/incidents/" + a.incident() + "/merge").then().statusCode(400).body(containsString("不能把事件合并到它自己"));
        assertThat(status(a.incident())).isNotEqualTo("merged");

        // merged by words of the target's title: the target's page, with both posts
        String location = form("t-analyst").formParam("target", b.tag() + " 银杏").formParam("reason", "同一地区的同一批群众反映")
                .post("/app/incidents/" + a.incident() + "/merge").then().statusCode(303).extract().header("Location");
        assertThat(URLDecoder.decode(location, StandardCharsets.UTF_8)).contains("/app/incidents/" + b.incident() + "?msg=已将事件 #"
                + a.incident() + " 合并到本事件。");
        assertThat(status(a.incident())).isEqualTo("merged");
        List<Long> merged = new java.util.ArrayList<>(postsA);
        merged.addAll(postsB);
        assertThat(posts(b.incident())).contains(a.post(), b.post()).containsExactlyInAnyOrderElementsOf(merged);
        assertThat(as("t-analyst").get("/app/incidents/" + a.incident()).then().statusCode(200).extract().asString())
                .contains("已合并").doesNotContain("<summary>合并到其他事件</summary>");

        // split: nothing ticked, then no reason (the ticked post stays ticked)
        String target = as("t-analyst").get("/app/incidents/" + b.incident()).then().statusCode(200).extract().asString();
        assertThat(target).contains("<summary>拆分为新事件</summary>").contains("name=\"postIds\" value=\"" + a.post() + "\"");
        form("t-analyst").formParam("reason", "不是同一事件").post("/app/incidents/" + b.incident() + "/split").then().statusCode(400)
                .body(containsString("请勾选要拆分出去的帖子")).body(containsString("不是同一事件"));
        form("t-analyst").formParam("postIds", String.valueOf(a.post())).formParam("reason", "")
                .post("/app/incidents/" + b.incident() + "/split").then().statusCode(400)
                .body(containsString("name=\"postIds\" value=\"" + a.post() + "\" checked"))
                .body(containsString("<details class=\"act\" open><summary>拆分为新事件"));
        assertThat(posts(b.incident())).containsExactlyInAnyOrderElementsOf(merged);

        String split = form("t-analyst").formParam("postIds", String.valueOf(a.post())).formParam("reason", "看台坍塌与古树被挖无关")
                .post("/app/incidents/" + b.incident() + "/split").then().statusCode(303).extract().header("Location");
        long created = Long.parseLong(split.replaceAll(".*/app/incidents/(\\d+)\\?msg=.*", "$1"));
        assertThat(created).isNotIn(a.incident(), b.incident());
        assertThat(posts(created)).containsExactly(a.post());
        merged.remove(a.post());
        assertThat(posts(b.incident())).containsExactlyInAnyOrderElementsOf(merged);
        assertThat(as("t-analyst").urlEncodingEnabled(false).get(split.replaceAll("^https?://[^/]+", "")).then().statusCode(200).extract().asString())
                .contains("已从事件 #" + b.incident() + " 拆分出本事件（1 条帖子）");
    }

    @Test
    void onlyAnalystsMergeOrSplit() {
        Made a = incident("镇", "河道发现大量死鱼", "河道里漂着大量死鱼，气味很大，怀疑上游工厂偷排。");
        for (String user : List.of("t-leader", "t-supervisor", "t-admin", "t-department")) {
            form(user).formParam("target", "1").formParam("reason", "x").post("/app/incidents/" + a.incident() + "/merge")
                    .then().statusCode(403);
            form(user).formParam("postIds", String.valueOf(a.post())).formParam("reason", "x")
                    .post("/app/incidents/" + a.incident() + "/split").then().statusCode(403);
        }
        assertThat(as("t-leader").get("/app/incidents/" + a.incident()).then().statusCode(200).extract().asString())
                .doesNotContain("/merge\"").doesNotContain("/split\"");
        assertThat(posts(a.incident())).containsExactly(a.post());
    }
}
