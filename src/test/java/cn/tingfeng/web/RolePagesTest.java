package cn.tingfeng.web;

import static cn.tingfeng.web.WebSession.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import cn.tingfeng.post.PostStore;
import cn.tingfeng.source.Source;
import cn.tingfeng.testsupport.MutableClock;
import cn.tingfeng.testsupport.TestAccounts;
import cn.tingfeng.testsupport.TestSources;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The role pages on one hostile incident: analyst queue and incident page, department tasks, leader, supervisor, admin. */
@QuarkusTest
class RolePagesTest {
    static final String BODY = "网页测试镇一处仓储物流园区今天凌晨发生爆炸并引发火情，园区值班人员称先听到闷响后看到火光，"
            + "消防部门出动多辆消防车扑救。据通报，事故造成3人死亡，另有多名工人受伤，涉事企业负责人已被控制。<img src=x onerror=alert(2)>";

    @Inject
    PostStore store;
    @Inject
    TestSources testSources;
    @Inject
    MutableClock clock;
    @Inject
    TestAccounts accounts;

    @AfterEach
    void resetClock() {
        clock.reset();
    }




    @Test
    void everyRoleSeesItsPagesAndHostileTextStaysEscaped() {
        String key = "web-" + UUID.randomUUID();
        String tag = "网页测试" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "");
        Source src = testSources.create(key);
        TestAccounts.as("t-analyst").body(Map.of("name", "网页测试-" + key, "rule", tag + " AND 爆炸", "sources", List.of(src.key)))
                .post("/api/plans").then().statusCode(201);
        Instant now = Instant.parse("2030-09-12T06:00:00Z");
        clock.set(now);
        String title = "<script>alert('xss')</script>" + tag + "物流园区发生爆炸 已致3人死亡";
        Long post = store.store(new PostStore.Incoming(src, "https://news.example.cn/" + key + "/1.html", title,
                BODY.replace("网页测试镇", tag + "镇") + "编号" + key, "网友", now.minus(Duration.ofMinutes(90)), "web", null)).postId();
        long incident = testSources.incidentOf(post);

        // analyst: alert queue and the incident page, escaped
        as("t-analyst").get("/app/alerts").then().statusCode(200).body(containsString("&lt;script&gt;alert(&#39;xss&#39;)"))
                .body(not(containsString("<script>alert"))).body(containsString("/app/incidents/" + incident));
        as("t-analyst").get("/app/incidents").then().statusCode(200).body(containsString("舆情事件"));
        as("t-analyst").get("/app/incidents/" + incident).then().statusCode(200)
                .body(containsString("&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;" + tag))
                .body(not(containsString("<script>alert"))).body(not(containsString("<img src=x")))
                .body(containsString("热度")).body(containsString("尚未交办"));
        as("t-leader").get("/app/incidents/" + incident).then().statusCode(200);

        // assigned to the department's unit: clocks on the incident page, the task in its own unit's list only
        long assignment = TestAccounts.as("t-analyst").body(Map.of("unitId", accounts.unitId(), "role", "lead"))
                .post("/api/incidents/" + incident + "/assignments").then().statusCode(201).extract().jsonPath().getLong("id");
        as("t-analyst").get("/app/incidents/" + incident).then().statusCode(200).body(containsString("测试县教育局"))
                .body(containsString("签收"));
        as("t-department").get("/app/tasks").then().statusCode(200).body(containsString(tag))
                .body(not(containsString("<script>alert"))).body(containsString("/app/tasks/" + assignment + "/ack"));
        as("t-other-dept").get("/app/tasks").then().statusCode(200).body(not(containsString(tag)));
        WebSession.form("t-other-dept").post("/app/tasks/" + assignment + "/ack").then().statusCode(403);

        clock.set(now.plus(Duration.ofMinutes(10)));
        WebSession.form("t-department").post("/app/tasks/" + assignment + "/ack").then().statusCode(303);
        as("t-department").get("/app/tasks?done=ack").then().statusCode(200).body(containsString("已签收"));
        WebSession.form("t-department").formParam("publishedAt", "2030-09-12T14:05").formParam("channel", "政务微博")
                .formParam("text", "已组织力量处置").post("/app/tasks/" + assignment + "/respond").then().statusCode(303);
        WebSession.form("t-department").formParam("text", " ").post("/app/tasks/" + assignment + "/feedback")
                .then().statusCode(400).body(containsString("请填写反馈内容"));
        WebSession.form("t-department").formParam("text", "已查明原因").post("/app/tasks/" + assignment + "/feedback")
                .then().statusCode(303);
        String page = as("t-analyst").get("/app/incidents/" + incident).then().statusCode(200).extract().asString();
        assertThat(page).contains("按时完成");

        // leader, supervisor, admin
        as("t-leader").get("/app/dashboard").then().statusCode(200).body(containsString("回应及时率"))
                .body(containsString("反馈率")).body(containsString("办结率")).body(containsString("首次回应"));
        as("t-supervisor").get("/app/supervision").then().statusCode(200).body(containsString("督办记录"));
        as("t-admin").get("/app/admin").then().statusCode(200).body(containsString("t-department"))
                .body(containsString("测试县教育局"));
    }

    @Test
    void pagesRefuseOtherRoles() {
        Map<String, List<String>> denied = Map.of(
                "t-department", List.of("/app/alerts", "/app/incidents", "/app/dashboard", "/app/supervision", "/app/admin", "/app/plans"),
                "t-analyst", List.of("/app/tasks", "/app/admin", "/app/supervision", "/app/sources"),
                "t-leader", List.of("/app/tasks", "/app/alerts", "/app/supervision", "/app/admin"),
                "t-supervisor", List.of("/app/tasks", "/app/alerts", "/app/plans", "/app/admin"),
                "t-admin", List.of("/app/tasks"));
        denied.forEach((user, paths) -> paths.forEach(p -> as(user).get(p).then().statusCode(403)));
        for (String p : List.of("/app/alerts", "/app/tasks", "/app/dashboard", "/app/supervision", "/app/admin", "/app/incidents")) {
            given().redirects().follow(false).get(p).then().statusCode(302);
        }
    }

    @Test
    void homePagesLinkToTheRealPages() {
        as("t-analyst").get("/home").then().statusCode(200).body(containsString("href=\"/app/alerts\""))
                .body(not(containsString("swagger")));
        as("t-department").get("/home").then().statusCode(200).body(containsString("href=\"/app/tasks\""));
        as("t-leader").get("/home").then().statusCode(200).body(containsString("href=\"/app/dashboard\""));
        as("t-supervisor").get("/home").then().statusCode(200).body(containsString("href=\"/app/supervision\""));
        as("t-admin").get("/home").then().statusCode(200).body(containsString("href=\"/app/admin\""))
                .body(containsString("href=\"/app/sources\""));
    }
}
