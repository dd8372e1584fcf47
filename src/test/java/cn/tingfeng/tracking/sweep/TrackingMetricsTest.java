package cn.tingfeng.tracking.sweep;

import static cn.tingfeng.tracking.TrackingApi.assign;
import static cn.tingfeng.tracking.TrackingApi.createIncident;
import static cn.tingfeng.tracking.TrackingApi.sweep;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tingfeng.testsupport.MutableClock;
import cn.tingfeng.testsupport.TestAccounts;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Escalations and clock states reach Prometheus: the figures behind the dashboards in dashboards/. */
@QuarkusTest
class TrackingMetricsTest {
    @Inject
    MutableClock clock;
    @Inject
    TestAccounts accounts;
    @Inject
    TrackingMetrics metrics;

    @AfterEach
    void reset() {
        clock.reset();
    }

    @Test
    void urgesAndOverdueClocksAreCountedInMetrics() {
        Instant start = Instant.parse("2026-12-07T00:00:00Z");
        clock.set(start);
        long incident = createIncident("指标测试：某地道路塌陷", "II", start);
        assign(incident, accounts.unitId(), "lead");
        double urgesBefore = value("tingfeng_supervision_records_total\\{type=\"urge\"}");

        clock.set(start.plus(Duration.ofHours(5)));
        sweep();
        metrics.refresh();

        assertThat(value("tingfeng_supervision_records_total\\{type=\"urge\"}")).isGreaterThan(urgesBefore);
        assertThat(value("tingfeng_sla_clocks\\{status=\"overdue\"}")).isGreaterThanOrEqualTo(1);
        assertThat(given().get("/q/metrics").asString()).contains("tingfeng_sla_sweep_seconds_count");
    }

    @Test
    void unmetClocksOfAClosedAssignmentCountAsStoppedNotAsRunning() {
        Instant start = Instant.parse("2026-12-08T00:00:00Z");
        clock.set(start);
        long incident = createIncident("指标测试：办结后停止计时", "II", start);
        long a = assign(incident, accounts.unitId(), "lead");
        metrics.refresh();
        double stoppedBefore = value("tingfeng_sla_clocks\\{status=\"stopped\"}");
        clock.set(start.plus(Duration.ofHours(1)));
        TestAccounts.as("t-department").body(java.util.Map.of("publishedAt", start.plus(Duration.ofMinutes(50)).toString(),
                "channel", "政府网站", "text", "情况通报")).post("/api/assignments/" + a + "/responses").then().statusCode(200);
        TestAccounts.as("t-department").post("/api/assignments/" + a + "/close-requests").then().statusCode(200);
        TestAccounts.as("t-analyst").post("/api/assignments/" + a + "/close").then().statusCode(200);
        clock.set(start.plus(Duration.ofDays(5)));
        metrics.refresh();
        // press conference and feedback were never met: stopped at the close, not pending/overdue for ever
        assertThat(value("tingfeng_sla_clocks\\{status=\"stopped\"}")).isGreaterThanOrEqualTo(stoppedBefore + 2);
    }

    private static double value(String metricRegex) {
        String body = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^" + metricRegex + " ([0-9.eE+-]+)$").matcher(body);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
