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
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The analyst's decisions in the incident page: accept a close (办结), return it (退回) with a reason, decide a 申请改派. */
@QuarkusTest
class AnalystDecisionPagesTest {
    static final Instant START = Instant.parse("2026-11-24T01:00:00Z");

    @Inject
    MutableClock clock;
    @Inject
    TestAccounts accounts;

    @io.quarkus.test.common.http.TestHTTPResource("/")
    java.net.URL app;

    @AfterEach
    void reset() {
        clock.reset();
    }

    private String status(long incident, long assignment) {
        return (String) TrackingApi.assignment(incident, assignment).get("status");
    }

    @Test
    void theAnalystReturnsACloseRequestWithAReasonTheUnitSeesAndThenAcceptsTheClose() {
        clock.set(START);
        long incident = TrackingApi.createIncident("决定表单：某路段塌陷舆情" + System.nanoTime(), "III", START);
        long a = TrackingApi.assign(incident, accounts.unitId(), "lead");
        clock.set(START.plus(Duration.ofMinutes(20)));
        TrackingApi.post("t-department", "/api/assignments/" + a + "/ack", null, 200);
        clock.set(START.plus(Duration.ofMinutes(60)));
        TrackingApi.post("t-department", "/api/assignments/" + a + "/responses", Map.of("publishedAt",
                START.plus(Duration.ofMinutes(50)).toString(), "channel", "政府网站", "text", "已设置围挡，正在抢修。"), 200);
        TrackingApi.post("t-department", "/api/assignments/" + a + "/close-requests", null, 200);

        String page = as("t-analyst").get("/app/incidents/" + incident).then().statusCode(200).extract().asString();
        assertThat(page).contains("同意办结").contains("action=\"/app/incidents/" + incident + "/assignments/" + a + "/return\"");
        assertThat(as("t-leader").get("/app/incidents/" + incident).asString()).doesNotContain("同意办结");

        form("t-analyst").formParam("reason", " ").post("/app/incidents/" + incident + "/assignments/" + a + "/return")
                .then().statusCode(400).body(containsString("请填写理由"));
        form("t-analyst").formParam("reason", "<b>请补充</b>抢修完成时间和交通恢复情况")
                .post("/app/incidents/" + incident + "/assignments/" + a + "/return").then().statusCode(303);
        assertThat(status(incident, a)).isEqualTo("active");
        as("t-department").get("/app/tasks/" + a).then().statusCode(200).body(containsString("请补充"))
                .body(containsString("&lt;b&gt;"));

        TrackingApi.post("t-department", "/api/assignments/" + a + "/feedback", Map.of("text", "已恢复通行。"), 200);
        TrackingApi.post("t-department", "/api/assignments/" + a + "/close-requests", null, 200);
        form("t-leader").post("/app/incidents/" + incident + "/assignments/" + a + "/close").then().statusCode(403);
        form("t-analyst").post("/app/incidents/999999/assignments/" + a + "/close").then().statusCode(404);
        form("t-analyst").post("/app/incidents/" + incident + "/assignments/" + a + "/close").then().statusCode(303);
        assertThat(status(incident, a)).isEqualTo("closed");
    }

    @Test
    void theAnalystDecidesADisputeInThePage() {
        clock.set(START);
        long incident = TrackingApi.createIncident("决定表单：某小区停水舆情" + System.nanoTime(), "III", START);
        long a = TrackingApi.assign(incident, accounts.unitId(), "lead");
        TrackingApi.post("t-department", "/api/assignments/" + a + "/disputes", Map.of("reason", "供水不属于教育部门职责"), 200);
        String page = as("t-analyst").get("/app/incidents/" + incident).then().statusCode(200).extract().asString();
        assertThat(page).contains("供水不属于教育部门职责").contains("维持原交办").contains("改派其他单位");
        form("t-analyst").formParam("outcome", "upheld").formParam("reason", " ")
                .post("/app/incidents/" + incident + "/assignments/" + a + "/dispute-decision").then().statusCode(400);
        form("t-analyst").formParam("outcome", "reassigned").formParam("unitId", String.valueOf(accounts.otherUnitId()))
                .formParam("reason", "转由属地单位办理")
                .post("/app/incidents/" + incident + "/assignments/" + a + "/dispute-decision").then().statusCode(303);
        assertThat(status(incident, a)).isEqualTo("reassigned");
        assertThat(TrackingApi.incident(incident).getList("assignments.unitId")).contains(accounts.otherUnitId().intValue());
    }

    @Test
    void theUnitPickerFindsAUnitByPinyinInitialsOrByWordsOfItsName() {
        clock.set(START);
        long incident = TrackingApi.createIncident("单位选择：某校食堂舆情" + System.nanoTime(), "III", START);
        String page = as("t-analyst").get("/app/incidents/" + incident).then().statusCode(200).extract().asString();
        assertThat(page).contains("data-keys=\"gyxjyj guanyunxianjiaoyuju\"").contains("class=\"unit-filter\"")
                .doesNotContain("（education）");
        clock.reset();
        try (cn.tingfeng.testsupport.Browser browser = cn.tingfeng.testsupport.Browser.open()) {
            var driver = browser.driver;
            String base = "http://localhost:" + app.getPort();
            browser.signIn(base, "t-analyst", TestAccounts.PASSWORD);
            driver.get(base + "/app/incidents/" + incident);
            var filter = driver.findElement(org.openqa.selenium.By.cssSelector("input.unit-filter[data-for='assign-unit']"));
            var select = new org.openqa.selenium.support.ui.Select(driver.findElement(org.openqa.selenium.By.id("assign-unit")));
            filter.sendKeys("gyxjyj");
            assertThat(select.getFirstSelectedOption().getText()).isEqualTo("灌云县教育局");
            filter.clear();
            filter.sendKeys("东海 公安");
            assertThat(select.getFirstSelectedOption().getText()).isEqualTo("东海县公安局");
            browser.screenshot("unit-picker");
        }
    }
}
