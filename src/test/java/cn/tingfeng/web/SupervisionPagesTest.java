package cn.tingfeng.web;

import static cn.tingfeng.web.WebSession.as;
import static cn.tingfeng.web.WebSession.form;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tingfeng.testsupport.MutableClock;
import cn.tingfeng.testsupport.TestAccounts;
import cn.tingfeng.tracking.TrackingApi;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The supervision office's 督办记录: links to the incident, recipients in Chinese, 签收 in the page, audit status. */
@QuarkusTest
class SupervisionPagesTest {
    static final Instant START = Instant.parse("2026-11-30T00:00:00Z");

    @Inject
    MutableClock clock;
    @Inject
    TestAccounts accounts;

    @AfterEach
    void reset() {
        clock.reset();
    }

    @Test
    void theOfficeSeesLinkedRecordsWithChineseRecipientsAndAcknowledgesThemInThePage() {
        clock.set(START);
        String title = "督办页面：某小区供水中断舆情" + System.nanoTime();
        long incident = TrackingApi.createIncident(title, "II", START);
        TrackingApi.assign(incident, accounts.unitId(), "lead");
        clock.set(START.plus(Duration.ofHours(6)));  // past the 5 h limit: 催办 and 督办 are due
        TrackingApi.sweep();

        String page = as("t-supervisor").get("/app/supervision").then().statusCode(200).extract().asString();
        assertThat(page).contains("href=\"/app/incidents/" + incident + "\"").contains(title)
                .contains("责任单位").doesNotContain(">unit、").doesNotContain("unit-leader").doesNotContain("supervision-office");
        assertThat(page).contains("审计链校验：通过");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("action=\"/app/supervision/(\\d+)/ack\"").matcher(page);
        assertThat(m.find()).as("a 签收 form").isTrue();
        String id = m.group(1);

        form("t-supervisor").post("/app/supervision/" + id + "/ack").then().statusCode(303);
        as("t-supervisor").get("/app/supervision?all=1&msg=acked").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("已签收该督办记录"))
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("action=\"/app/supervision/" + id + "/ack\"")));
        form("t-supervisor").post("/app/supervision/" + id + "/ack").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.containsString("msg=already"));
        form("t-admin").post("/app/supervision/" + id + "/ack").then().statusCode(403);
        assertThat(as("t-admin").get("/app/supervision").asString()).doesNotContain("/ack\"");
    }
}
