package cn.tingfeng.web;

import static cn.tingfeng.web.WebSession.as;
import static cn.tingfeng.web.WebSession.form;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import cn.tingfeng.testsupport.MutableClock;
import cn.tingfeng.testsupport.TestAccounts;
import cn.tingfeng.tracking.TrackingApi;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * 领导批示 in the pages: the leader writes one on the incident page (web session, CSRF token), it is recorded as
 * {@code POST /api/instructions} would record it and shown with its status on the incident page and in 我的批示; a
 * refused form keeps what was typed, with the error in Chinese.
 */
@QuarkusTest
class InstructionPagesTest {
    static final Instant START = Instant.parse("2026-11-02T01:00:00Z");

    @Inject
    MutableClock clock;
    @Inject
    TestAccounts accounts;

    @AfterEach
    void reset() {
        clock.reset();
    }

    @Test
    void aLeaderIssuesAnInstructionInThePageAndFollowsItsCompletion() {
        clock.set(START);
        String title = "批示表单：某学校食堂投诉" + System.nanoTime();
        long incident = TrackingApi.createIncident(title, "III", START);
        long a = TrackingApi.assign(incident, accounts.unitId(), "lead");

        String page = as("t-leader").get("/app/incidents/" + incident).then().statusCode(200).extract().asString();
        assertThat(page).contains("action=\"/app/incidents/" + incident + "/instructions\"").contains("下达批示")
                .contains("该事件还没有领导批示");
        assertThat(as("t-analyst").get("/app/incidents/" + incident).asString()).doesNotContain("/instructions\"");

        clock.set(START.plus(Duration.ofHours(1)));
        form("t-leader").formParam("text", "请<b>三日内</b>核实并反馈").formParam("dueAt", "2026-11-05T17:00")
                .post("/app/incidents/" + incident + "/instructions").then().statusCode(303)
                .header("Location", containsString("/app/incidents/" + incident));
        // recorded as the API records it: on the lead's assignment, with the leader's deadline (Beijing → UTC)
        List<Map<String, Object>> recorded = TrackingApi.incident(incident).getList("instructions");
        assertThat(recorded).hasSize(1);
        assertThat(recorded.get(0)).containsEntry("text", "请<b>三日内</b>核实并反馈").containsEntry("issuedBy", "t-leader")
                .containsEntry("dueAt", "2026-11-05T09:00:00Z");
        assertThat(((Number) recorded.get(0).get("assignmentId")).longValue()).isEqualTo(a);
        long id = ((Number) recorded.get(0).get("id")).longValue();

        String shown = as("t-leader").get("/app/incidents/" + incident).then().statusCode(200).extract().asString();
        assertThat(shown).contains("请&lt;b&gt;三日内&lt;/b&gt;核实并反馈").contains("办理中").contains("2026-11-05 17:00");
        String mine = as("t-leader").get("/app/instructions").then().statusCode(200).extract().asString();
        assertThat(mine).contains("我的批示").contains(title).contains("办理中").contains("测试县教育局");

        // the unit completes it in time: done, on time; after that, another one left open past its limit: late
        clock.set(START.plus(Duration.ofHours(30)));
        TrackingApi.post("t-department", "/api/instructions/" + id + "/complete", Map.of("note", "已核实"), 200);
        form("t-leader").formParam("text", "请公开整改结果").formParam("dueAt", "2026-11-03T12:00")
                .post("/app/incidents/" + incident + "/instructions").then().statusCode(303);
        clock.set(Instant.parse("2026-11-03T06:00:00Z"));
        mine = as("t-leader").get("/app/instructions").then().statusCode(200).extract().asString();
        assertThat(mine).contains("已完成·按时").contains("已核实").contains("未完成·已超期");
        assertThat(as("t-supervisor").get("/app/instructions").then().statusCode(200).extract().asString())
                .contains("领导批示").contains(title).contains("t-leader");
        as("t-department").get("/app/instructions").then().statusCode(403);
        as("t-leader").get("/home").then().statusCode(200).body(containsString("href=\"/app/instructions\""));
    }

    @Test
    void aRefusedFormKeepsWhatWasTypedWithTheErrorInChinese() {
        clock.set(START);
        long incident = TrackingApi.createIncident("批示表单：未交办的事件" + System.nanoTime(), "IV", START);
        // no lead unit yet: the workflow's rule refuses, the typed text and deadline stay in the form
        String refused = form("t-leader").formParam("text", "请宣传部门跟进").formParam("dueAt", "2026-11-04T10:00")
                .post("/app/incidents/" + incident + "/instructions").then().statusCode(409).extract().asString();
        assertThat(refused).contains("该舆情事件没有在办的牵头单位").contains(">请宣传部门跟进</textarea>")
                .contains("value=\"2026-11-04T10:00\"");
        TrackingApi.assign(incident, accounts.unitId(), "lead");
        String blank = form("t-leader").formParam("text", "  ").formParam("dueAt", "2026-11-04T10:00")
                .post("/app/incidents/" + incident + "/instructions").then().statusCode(400).extract().asString();
        assertThat(blank).contains("批示内容").contains("value=\"2026-11-04T10:00\"");
        String badDate = form("t-leader").formParam("text", "请核实").formParam("dueAt", "明天")
                .post("/app/incidents/" + incident + "/instructions").then().statusCode(400).extract().asString();
        assertThat(badDate).contains("办理时限格式不正确").contains(">请核实</textarea>");
        assertThat(TrackingApi.incident(incident).getList("instructions")).isEmpty();
        // only a leader, and only with the session's CSRF token
        form("t-analyst").formParam("text", "x").post("/app/incidents/" + incident + "/instructions").then().statusCode(403);
        as("t-leader").contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("text", "无令牌")
                .post("/app/incidents/" + incident + "/instructions").then().statusCode(403);
        assertThat(TrackingApi.incident(incident).getList("instructions")).isEmpty();
    }
}
