package cn.tingfeng.web;

import static cn.tingfeng.web.WebSession.as;
import static cn.tingfeng.web.WebSession.form;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

import cn.tingfeng.post.PostStore;
import cn.tingfeng.source.Source;
import cn.tingfeng.testsupport.MutableClock;
import cn.tingfeng.testsupport.TestAccounts;
import cn.tingfeng.testsupport.TestSources;
import cn.tingfeng.tracking.CloseRequestRule;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The department clerk's pages: the incident read-only, countdowns, the rules of the loop and the clerk's forms. */
@QuarkusTest
class DepartmentTaskPagesTest {
    static final Instant START = Instant.parse("2030-11-05T02:00:00Z"); // 10:00 Beijing time

    @Inject
    PostStore store;
    @Inject
    TestSources testSources;
    @Inject
    MutableClock clock;
    @Inject
    TestAccounts accounts;
    @Inject
    cn.tingfeng.tracking.ResponseDashboard dashboard;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static Instant min(long minutes) {
        return START.plus(Duration.ofMinutes(minutes));
    }

    long incident(String title, String grade) {
        return TestAccounts.as("t-analyst").body(Map.of("title", title, "summary", "摘要：" + title, "grade", grade,
                "startedAt", START.toString())).post("/api/incidents").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    long assign(long incident, long unit) {
        return TestAccounts.as("t-analyst").body(Map.of("unitId", unit, "role", "lead"))
                .post("/api/incidents/" + incident + "/assignments").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    String page(long assignment) {
        return as("t-department").get("/app/tasks/" + assignment).then().statusCode(200).extract().asString();
    }

    @Test
    void theClerkReadsTheIncidentOfItsOwnUnitOnlyWithThePostsEscapedAndNoAnalystForms() {
        String key = "dept-" + UUID.randomUUID();
        String tag = "部门页测试" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "");
        Source src = testSources.create(key);
        TestAccounts.as("t-analyst").body(Map.of("name", "部门页测试-" + key, "rule", tag + " AND 爆炸", "sources", List.of(src.key)))
                .post("/api/plans").then().statusCode(201);
        clock.set(START);
        String title = "<script>alert('xss')</script>" + tag + "镇物流园区发生爆炸 已致3人死亡";
        Long post = store.store(new PostStore.Incoming(src, "javascript:alert(1)", title, tag + "镇一处仓储物流园区今天凌晨发生爆炸并引发火情，"
                + "消防部门出动多辆消防车扑救。据通报，事故造成3人死亡。<img src=x onerror=alert(2)>编号" + key, "网友",
                START.minus(Duration.ofMinutes(90)), "web", null)).postId();
        long incident = testSources.incidentOf(post);
        long a = assign(incident, accounts.unitId());

        as("t-department").get("/app/incidents/" + incident).then().statusCode(303).header("Location", endsWith("/app/tasks/" + a));
        String page = page(a);
        assertThat(page).contains("&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;" + tag).doesNotContain("<script>alert")
                .doesNotContain("<img src=x").doesNotContain("href=\"javascript:")
                .contains("<h2>帖子</h2>").contains("摘要：").contains("测试县教育局")
                .doesNotContain("action=\"/app/incidents/").contains("action=\"/app/tasks/" + a + "/respond\"");

        // another unit: neither the task page nor the incident, nor its forms
        as("t-other-dept").get("/app/tasks/" + a).then().statusCode(403);
        as("t-other-dept").get("/app/incidents/" + incident).then().statusCode(403);
        form("t-other-dept").formParam("reason", "不是我们的").post("/app/tasks/" + a + "/dispute").then().statusCode(403);
        form("t-other-dept").formParam("heldAt", "2030-11-05T09:00").formParam("spokesperson", "某人")
                .post("/app/tasks/" + a + "/press-conference").then().statusCode(403);
        as("t-department").get("/app/tasks/999999999").then().statusCode(404);
    }

    @Test
    void countdownsTurnFromGreenToAmberToRedInBeijingTime() {
        clock.set(START);
        long a = assign(incident("倒计时测试：某医院排队", "II"), accounts.unitId());
        clock.set(min(10));
        String green = page(a);
        assertThat(green).contains("<span class=\"countdown cd-green\">还剩 20 分</span>") // ack: target 30 min
                .contains("还剩 2 小时 50 分") // first response: target 3 h from the incident start
                .contains("2030-11-05 10:30") // the ack target in Beijing time
                .doesNotContain("style=");
        as("t-department").get("/app/tasks").then().statusCode(200).body(containsString("还剩 20 分"))
                .body(containsString("countdown cd-green"));
        clock.set(min(40));
        assertThat(page(a)).contains("<span class=\"countdown cd-amber\">已超目标时限 10 分，距最迟时限还剩 20 分</span>");
        clock.set(min(90));
        assertThat(page(a)).contains("<span class=\"countdown cd-red\">已超时 30 分</span>");
    }

    @Test
    void noCloseRequestWithoutAResponseAndARefusedFormKeepsWhatWasTyped() {
        clock.set(START);
        long a = assign(incident("办结规则测试：校车超载", "II"), accounts.unitId());
        clock.set(min(20));
        form("t-department").post("/app/tasks/" + a + "/close-request").then().statusCode(400)
                .body(containsString(CloseRequestRule.NO_RESPONSE)).body(containsString("class=\"error\""));
        TestAccounts.as("t-department").post("/api/assignments/" + a + "/close-requests").then().statusCode(400);

        // a refused response form comes back with the reason and everything typed, its form open
        form("t-department").formParam("publishedAt", "2030-11-05T10:15").formParam("url", "https://gov.example.cn/n/1")
                .formParam("text", "关于校车问题的情况通报<b>").post("/app/tasks/" + a + "/respond").then().statusCode(400)
                .body(containsString("请填写发布渠道")).body(containsString("关于校车问题的情况通报&lt;b&gt;"))
                .body(containsString("value=\"2030-11-05T10:15\"")).body(containsString("value=\"https://gov.example.cn/n/1\""))
                .body(containsString("<details class=\"act\" open><summary>发布回应"));
        form("t-department").formParam("publishedAt", "2030-11-05T10:15").formParam("channel", "政府网站")
                .formParam("url", "https://gov.example.cn/n/1").formParam("text", "关于校车问题的情况通报")
                .post("/app/tasks/" + a + "/respond").then().statusCode(303).header("Location", endsWith("/app/tasks/" + a + "?done=respond"));
        assertThat(page(a)).contains("<h2>回应记录</h2>").contains("关于校车问题的情况通报").contains("政府网站")
                .contains("2030-11-05 10:15").contains("href=\"https://gov.example.cn/n/1\"");

        // now the close request passes; the analyst returns it with a reason the clerk sees
        form("t-department").post("/app/tasks/" + a + "/close-request").then().statusCode(303);
        assertThat(page(a)).contains("已申请办结，等待网信办审核");
        clock.set(min(30));
        TestAccounts.as("t-analyst").body(Map.of("reason", "反馈中缺少整改措施<i>")).post("/api/assignments/" + a + "/return")
                .then().statusCode(200);
        assertThat(page(a)).contains("网信办退回了办结申请，理由：</strong>反馈中缺少整改措施&lt;i&gt;");

        // asked again and closed: the clocks stop, nothing is shown as running any more
        form("t-department").post("/app/tasks/" + a + "/close-request").then().statusCode(303);
        TestAccounts.as("t-analyst").post("/api/assignments/" + a + "/close").then().statusCode(200);
        clock.set(min(60 * 30));
        String closed = page(a);
        assertThat(closed).contains("已办结").contains("已停止（未完成）").doesNotContain("还剩").doesNotContain("已超时")
                .doesNotContain("cd-green").doesNotContain("cd-red").doesNotContain("action=\"/app/tasks/" + a + "/respond\"")
                .doesNotContain("网信办退回了办结申请");
        as("t-leader").get("/app/dashboard").then().statusCode(200).body(containsString("已停止（未完成）"));
        // the press conference of this closed assignment was never held: counted as stopped, not as running
        cn.tingfeng.tracking.ResponseDashboard.ClockRow press = dashboard.dashboard().clocks().stream()
                .filter(r -> r.clock().equals("pressConference")).findFirst().orElseThrow();
        assertThat(press.byStatus().get(cn.tingfeng.tracking.ResponseDashboard.STOPPED)).isPositive();
    }

    @Test
    void aDisputeIsItsOwnStateNotAnAcknowledgementAndItsReasonReachesTheAnalyst() {
        clock.set(START);
        long incident = incident("改派页面测试：菜市场价格", "II");
        long a = assign(incident, accounts.unitId());
        clock.set(min(10));
        form("t-department").formParam("reason", " ").post("/app/tasks/" + a + "/dispute").then().statusCode(400)
                .body(containsString("请填写申请改派的理由"));
        form("t-department").formParam("reason", "该事项属市场监管部门职责<u>").post("/app/tasks/" + a + "/dispute")
                .then().statusCode(303);
        assertThat(page(a)).contains("已申请改派，等待网信办处理。理由：</strong>该事项属市场监管部门职责&lt;u&gt;")
                .contains("有异议").doesNotContain("action=\"/app/tasks/" + a + "/close-request\"");
        JsonPath api = TestAccounts.as("t-analyst").get("/api/incidents/" + incident).then().statusCode(200).extract().jsonPath();
        assertThat(api.getString("assignments[0].status")).isEqualTo("disputed");
        assertThat(api.getString("assignments[0].clocks.ack.metAt")).isNull();
        assertThat(api.getString("assignments[0].clocks.ack.status")).isNotEqualTo("met");
        as("t-analyst").get("/app/incidents/" + incident).then().statusCode(200)
                .body(containsString("申请改派，理由：</strong>该事项属市场监管部门职责&lt;u&gt;"))
                .body(not(containsString("<u>")));
    }

    @Test
    void thePressConferenceFormRecordsTimeAndSpokespersonAndKeepsThemWhenRefused() {
        clock.set(START);
        long a = assign(incident("发布会测试：化工厂异味", "II"), accounts.unitId());
        clock.set(min(8 * 60));
        form("t-department").formParam("heldAt", "2030-11-05T16:00").formParam("url", "https://gov.example.cn/fbh")
                .post("/app/tasks/" + a + "/press-conference").then().statusCode(400).body(containsString("请填写发言人"))
                .body(containsString("value=\"2030-11-05T16:00\"")).body(containsString("<details class=\"act\" open><summary>新闻发布会"));
        form("t-department").formParam("heldAt", "2030-11-05T18:30").formParam("spokesperson", "李某某（副区长）")
                .post("/app/tasks/" + a + "/press-conference").then().statusCode(400).body(containsString("发布会时间不能晚于当前时间"))
                .body(containsString("value=\"李某某（副区长）\""));
        form("t-department").formParam("heldAt", "2030-11-05T16:00").formParam("spokesperson", "李某某（副区长）")
                .formParam("url", "https://gov.example.cn/fbh").post("/app/tasks/" + a + "/press-conference").then().statusCode(303);
        as("t-department").get("/app/tasks/" + a + "?done=press").then().statusCode(200).body(containsString("已登记新闻发布会"));
        assertThat(page(a)).contains("召开时间 2030-11-05 16:00；发言人：李某某（副区长）")
                .contains("已于 2030-11-05 16:00 完成");
    }
}
