package cn.tingfeng.incident.triage;

import static cn.tingfeng.testsupport.TestAccounts.as;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import cn.tingfeng.post.PostStore;
import cn.tingfeng.source.Source;
import cn.tingfeng.testsupport.MutableClock;
import cn.tingfeng.testsupport.TestAccounts;
import cn.tingfeng.testsupport.TestSources;
import cn.tingfeng.watch.match.PostMatchRecord;
import cn.tingfeng.watch.match.PostMatchRepository;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A post stored through PostStore flows to match → incident → alert; reposts join; analysts merge, split, grade. */
@QuarkusTest
class IncidentFlowTest {
    static final String EXPLOSION = "连云港市灌南县堆沟港镇一化工厂今天上午发生爆炸，现场浓烟滚滚，附近居民称听到巨大响声，"
            + "门窗玻璃被震碎。据当地应急管理部门通报，事故造成3人死亡、5人受伤，伤者已送往县人民医院救治。"
            + "目前消防救援力量正在现场处置，事故原因正在调查中，周边企业已临时停产，环保部门正在监测空气质量。";
    static final String FIREWORKS = "东海县石榴街道一处烟花仓库昨晚突然起火并引发连续爆炸，火光冲天，附近两个小区的居民被紧急疏散。"
            + "东海县消防救援大队接警后迅速到场扑救，大火于凌晨被扑灭，暂无人员伤亡。有居民质疑该仓库距离居民区太近，"
            + "长期存放大量烟花爆竹存在安全隐患，希望有关部门彻查。";

    @Inject
    PostStore store;
    @Inject
    TestSources testSources;
    @Inject
    PostMatchRepository matches;
    @Inject
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }



    Long post(Source s, String url, String title, String body, Instant published) {
        return store.store(new PostStore.Incoming(s, url, title, body, "网友", published, "web", null)).postId();
    }

    @Transactional
    List<PostMatchRecord> matchesOf(Long postId) {
        return matches.forPost(postId);
    }

    @Test
    void aCollectedPostBecomesAnIncidentWithAnAlertAndItsRepostsJoinIt() {
        String key = "flow-" + UUID.randomUUID();
        Source src = testSources.create(key);
        Source other = testSources.create(key + "-other");
        long plan = as("t-analyst").body(Map.of("name", "爆炸监测-" + key, "rule", "爆炸 AND (堆沟港 OR 烟花仓库)",
                "sources", List.of(src.key, other.key))).post("/api/plans").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        Instant now = Instant.parse("2030-08-12T06:00:00Z");
        clock.set(now);

        Long p1 = post(src, "https://news.example.cn/" + key + "/1.html", "灌南县堆沟港镇一化工厂发生爆炸 已致3人死亡",
                EXPLOSION, now.minus(Duration.ofMinutes(150)));
        assertThat(matchesOf(p1)).singleElement().satisfies(m -> {
            assertThat(m.planId).isEqualTo(plan);
            assertThat(m.planVersion).isEqualTo(1);
            assertThat(m.evidence).contains("\"term\":\"爆炸\"").contains("\"field\":\"TITLE\"");
        });
        long incident = incidentOf(p1);
        as("t-analyst").get("/api/incidents/" + incident + "/assessment").then().statusCode(200)
                .body("status", equalTo("new")).body("grade", equalTo("III"))
                .body("gradeReason", containsString("3人")).body("sentiment", equalTo("negative"))
                .body("summary", containsString("堆沟港镇"));
        JsonPath alerts = as("t-analyst").get("/api/alerts?incident=" + incident).then().statusCode(200).extract().jsonPath();
        assertThat(alerts.getList("kind", String.class)).containsExactly("NEW_INCIDENT");

        // a post matching no plan is kept, not grouped
        Long unrelated = post(src, "https://news.example.cn/" + key + "/weather.html", "连云港明日多云", "明天白天多云，气温二十度。",
                now.minus(Duration.ofMinutes(30)));
        assertThat(matchesOf(unrelated)).isEmpty();
        as("t-analyst").get("/api/incidents?size=200").then().statusCode(200)
                .body("items.find { it.title == '连云港明日多云' }", org.hamcrest.Matchers.nullValue());

        // five reposts with edits and other page furniture in the last hour: they join, count as reposts, and it rises
        for (int k = 0; k < 5; k++) {
            String edited = "转载自网络 " + EXPLOSION.replace("今天上午", k % 2 == 0 ? "今日上午" : "今天上午").replace("巨大响声", "巨响")
                    + " （责任编辑：王某" + k + "） 热门推荐 相关阅读 版权所有";
            post(other, "https://bbs" + k + ".example.cn/" + key + "/t" + k, "转：堆沟港镇化工厂爆炸", edited,
                    now.minus(Duration.ofMinutes(50 - k * 5)));
        }
        as("t-analyst").get("/api/incidents/" + incident + "/posts").then().statusCode(200)
                .body("size()", equalTo(6)).body("findAll { it.repost }.size()", equalTo(5))
                .body("findAll { it.repost }.duplicateOf.unique()", equalTo(List.of(p1.intValue())));
        as("t-leader").get("/api/incidents/" + incident + "/heat").then().statusCode(200)
                .body("posts", equalTo(6)).body("distinctSources", equalTo(2)).body("rising", equalTo(true))
                .body("firstSeen", equalTo(now.minus(Duration.ofMinutes(150)).toString()))
                .body("timeline.size()", equalTo(4));
        alerts = as("t-analyst").get("/api/alerts?incident=" + incident).then().extract().jsonPath();
        assertThat(alerts.getList("kind", String.class)).containsExactlyInAnyOrder("NEW_INCIDENT", "RISING");
        as("t-analyst").get("/api/incidents?rising=true&size=200").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItem((int) incident));

        // a rule change is a new version; later matches remember it
        as("t-analyst").body(Map.of("rule", "(爆炸 OR 起火) AND (堆沟港 OR 烟花仓库)")).put("/api/plans/" + plan)
                .then().statusCode(200).body("currentVersion", equalTo(2));
        Long p2 = post(src, "https://news.example.cn/" + key + "/2.html", "东海县石榴街道烟花仓库起火爆炸", FIREWORKS,
                now.minus(Duration.ofMinutes(20)));
        assertThat(matchesOf(p2)).extracting(m -> m.planVersion).containsExactly(2);
        long second = incidentOf(p2);
        assertThat(second).as("a different happening is a different incident").isNotEqualTo(incident);

        // merge needs a reason; merged, the source is closed and the operation recorded
        as("t-analyst").body(Map.of("sourceIds", List.of(second), "reason", " ")).post("/api/incidents/" + incident + "/merge")
                .then().statusCode(400);
        as("t-leader").body(Map.of("sourceIds", List.of(second), "reason", "x")).post("/api/incidents/" + incident + "/merge")
                .then().statusCode(403);
        as("t-analyst").body(Map.of("sourceIds", List.of(second), "reason", "同一时段的爆炸，先合并观察"))
                .post("/api/incidents/" + incident + "/merge").then().statusCode(200)
                .body("operations.kind", org.hamcrest.Matchers.hasItem("merge"))
                .body("operations.find { it.kind == 'merge' }.reason", equalTo("同一时段的爆炸，先合并观察"));
        as("t-analyst").get("/api/incidents/" + second + "/assessment").then().body("status", equalTo("merged"))
                .body("mergedInto", equalTo((int) incident));
        as("t-analyst").get("/api/incidents/" + incident + "/posts").then().body("size()", equalTo(7));

        // split it out again
        long split = as("t-analyst").body(Map.of("postIds", List.of(p2), "reason", "烟花仓库爆炸是另一起事件"))
                .post("/api/incidents/" + incident + "/split").then().statusCode(200)
                .body("operations[0].kind", equalTo("split")).extract().jsonPath().getLong("incidentId");
        assertThat(split).isNotIn(incident, second);
        as("t-analyst").get("/api/incidents/" + split + "/posts").then().body("postId", equalTo(List.of(p2.intValue())));
        as("t-analyst").get("/api/incidents/" + incident + "/assessment").then()
                .body("operations.kind", equalTo(List.of("merge", "split")));
        as("t-analyst").body(Map.of("postIds", List.of(p1), "reason", "x")).post("/api/incidents/" + split + "/split")
                .then().statusCode(400).body("details[0].field", equalTo("postIds"));

        // regrade upwards: reason required, kept, alert raised; the automatic grading no longer changes it
        as("t-analyst").body(Map.of("grade", "II")).post("/api/incidents/" + incident + "/regrade").then().statusCode(400);
        as("t-analyst").body(Map.of("grade", "II", "reason", "涉危化品，社会关注度高"))
                .post("/api/incidents/" + incident + "/regrade").then().statusCode(200)
                .body("grade", equalTo("II")).body("gradeLocked", equalTo(true))
                .body("gradeReason", containsString("涉危化品"));
        alerts = as("t-analyst").get("/api/alerts?incident=" + incident).then().extract().jsonPath();
        assertThat(alerts.getList("kind", String.class)).contains("REGRADE_UP");

        // confirm / dismiss
        as("t-analyst").body(Map.of()).post("/api/incidents/" + incident + "/confirm").then().statusCode(200)
                .body("status", equalTo("confirmed"));
        as("t-analyst").body(Map.of()).post("/api/incidents/" + incident + "/confirm").then().statusCode(409);
        as("t-analyst").body(Map.of()).post("/api/incidents/" + split + "/dismiss").then().statusCode(400);
        as("t-analyst").body(Map.of("reason", "已核实为演练")).post("/api/incidents/" + split + "/dismiss").then()
                .statusCode(200).body("status", equalTo("dismissed")).body("statusReason", equalTo("已核实为演练"));
        as("t-analyst").get("/api/incidents?status=confirmed&grade=II&size=200").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItem((int) incident));

        // acknowledging an alert
        long alertId = alerts.getLong("[0].id");
        as("t-analyst").post("/api/alerts/" + alertId + "/ack").then().statusCode(200).body("ackedBy", equalTo("t-analyst"));
    }

    @Test
    void departmentUsersUseTheTrackersQueueNotTheTriageList() {
        as("t-department").get("/api/incidents").then().statusCode(403).body("error", equalTo("forbidden"));
        as("t-leader").get("/api/incidents").then().statusCode(200);
        as("t-supervisor").get("/api/alerts").then().statusCode(403);
    }

    @Test
    void anotherResourceClassOnTheSameRootStillResolves() {
        as("t-analyst").get("/api/incidents/42/same-root-probe").then().statusCode(200).body("probe", equalTo(42));
        as("t-analyst").get("/api/incidents?size=1").then().statusCode(200);
        as("t-analyst").get("/api/incidents/999999999/heat").then().statusCode(404);
    }

    private long incidentOf(Long postId) {
        JsonPath page = as("t-analyst").get("/api/incidents?size=200").then().statusCode(200).extract().jsonPath();
        for (Object id : page.getList("items.id")) {
            List<Integer> posts = as("t-analyst").get("/api/incidents/" + id + "/posts").then().extract().jsonPath()
                    .getList("postId");
            if (posts.contains(postId.intValue())) {
                return ((Number) id).longValue();
            }
        }
        throw new AssertionError("post " + postId + " is in no incident");
    }
}
