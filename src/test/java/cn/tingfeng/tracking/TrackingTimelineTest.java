package cn.tingfeng.tracking;

import static cn.tingfeng.tracking.TrackingApi.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tingfeng.testsupport.MutableClock;
import cn.tingfeng.testsupport.TestAccounts;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Timelines replayed through the HTTP API with the MutableClock: every step of the ladder and every clock status.
 * Grade II (shipped policy): first response target 3 h / limit 5 h from the incident start, reminder 1 h before,
 * 问责 24 h after the limit; acknowledgement 30 min / 1 h from the assignment.
 */
@QuarkusTest
class TrackingTimelineTest {
    static final Instant START = Instant.parse("2026-11-23T00:00:00Z"); // Monday 08:00 in Beijing

    @Inject
    MutableClock clock;
    @Inject
    TestAccounts accounts;

    @AfterEach
    void reset() {
        clock.reset();
    }

    Instant h(double hours) {
        return START.plus(Duration.ofMinutes(Math.round(hours * 60)));
    }

    long[] assignedMajorIncident(String title) {
        clock.set(START);
        long incident = createIncident(title, "II", START);
        long assignment = assign(incident, accounts.unitId(), "lead");
        return new long[]{incident, assignment};
    }

    @Test
    void everyStepOfTheLadderFiresOnceAtItsTime() {
        long[] ids = assignedMajorIncident("阶梯测试：某校食堂食品安全舆情");
        long i = ids[0], a = ids[1];
        clock.set(h(1.5));
        sweep();
        assertThat(steps(i, a, "firstResponse")).isEmpty();
        assertThat(clockStatus(i, a, "firstResponse")).isEqualTo("pending");

        clock.set(h(2)); // 1 h before the 3 h target
        sweep();
        assertThat(steps(i, a, "firstResponse")).containsExactly("reminder");

        clock.set(h(3));
        sweep();
        assertThat(steps(i, a, "firstResponse")).containsExactly("reminder", "urge");
        assertThat(clockStatus(i, a, "firstResponse")).isEqualTo("warning");

        clock.set(h(5));
        sweep();
        assertThat(steps(i, a, "firstResponse")).containsExactly("reminder", "urge", "supervise");
        assertThat(clockStatus(i, a, "firstResponse")).isEqualTo("overdue");

        clock.set(h(28.9));
        sweep();
        assertThat(steps(i, a, "firstResponse")).hasSize(3);
        clock.set(h(29)); // 24 h after the 5 h limit
        sweep();
        assertThat(steps(i, a, "firstResponse")).containsExactly("reminder", "urge", "supervise", "accountability");
        // acknowledgement (30 min / 1 h after the assignment, no 问责 rule): the first sweep came at 1.5 h, after the
        // target, so the stale reminder was skipped and 催办 and 督办 were both issued
        assertThat(steps(i, a, "ack")).containsExactly("urge", "supervise");

        clock.set(h(40));
        sweep();
        assertThat(steps(i, a, "firstResponse")).hasSize(4);
        List<Map<String, Object>> sup = as("t-supervisor").get("/api/supervision?status=open").then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.assignmentId == " + a + " }");
        assertThat(sup).extracting(r -> r.get("type")).contains("reminder", "urge", "supervise", "accountability");
        assertThat(sup).allSatisfy(r -> assertThat(r.get("unitName")).isEqualTo("测试县教育局"));
    }

    @Test
    void aSweepThatWasDownIssuesEveryMissedStepButNotTheStaleReminder() {
        long[] ids = assignedMajorIncident("停机补发测试");
        clock.set(h(6));
        Map<String, Object> report = sweep().getMap("");
        assertThat(report).containsKeys("created", "assignmentsDue", "duplicatesIgnored", "selectMillis");
        assertThat(steps(ids[0], ids[1], "firstResponse")).containsExactly("urge", "supervise");
    }

    @Test
    void metBeforeTheTargetIsMetAndStopsTheLadder() {
        long[] ids = assignedMajorIncident("按时回应测试");
        clock.set(h(2));
        sweep();
        clock.set(h(2.5));
        post("t-department", "/api/assignments/" + ids[1] + "/responses", Map.of("publishedAt", h(2.4).toString(),
                "channel", "政府网站", "url", "https://example.gov.cn/1", "text", "情况通报"), 200);
        clock.set(h(30));
        sweep();
        assertThat(clockStatus(ids[0], ids[1], "firstResponse")).isEqualTo("met");
        assertThat(steps(ids[0], ids[1], "firstResponse")).containsExactly("reminder");
        assertThat(clockStatus(ids[0], ids[1], "ack")).isEqualTo("breached"); // the response implied 签收 at 2.5 h
    }

    @Test
    void metBetweenTargetAndLimitIsLate() {
        long[] ids = assignedMajorIncident("迟到回应测试");
        clock.set(h(4));
        post("t-department", "/api/assignments/" + ids[1] + "/responses", Map.of("publishedAt", h(3.5).toString(),
                "channel", "微博", "text", "情况通报"), 200);
        assertThat(clockStatus(ids[0], ids[1], "firstResponse")).isEqualTo("late");
    }

    @Test
    void metAfterTheLimitIsBreached() {
        long[] ids = assignedMajorIncident("超时回应测试");
        clock.set(h(0.25 + 0.2)); // acknowledged within 30 min of the assignment
        post("t-department", "/api/assignments/" + ids[1] + "/ack", null, 200);
        clock.set(h(6));
        post("t-department", "/api/assignments/" + ids[1] + "/responses", Map.of("publishedAt", h(5.5).toString(),
                "channel", "微博", "text", "情况通报"), 200);
        assertThat(clockStatus(ids[0], ids[1], "firstResponse")).isEqualTo("breached");
        assertThat(clockStatus(ids[0], ids[1], "ack")).isEqualTo("met");
        assertThat(clockStatus(ids[0], ids[1], "pressConference")).isEqualTo("pending");
    }

    @Test
    void ordinaryGradeHasFortyEightHoursAndNoPressConference() {
        clock.set(START);
        long i = createIncident("一般舆情测试", "IV", START);
        long a = assign(i, accounts.unitId(), "lead");
        Map<String, Object> clocks = (Map<String, Object>) assignment(i, a).get("clocks");
        assertThat(clocks).containsKeys("ack", "firstResponse", "feedback", "close").doesNotContainKey("pressConference");
        assertThat(((Map<?, ?>) clocks.get("firstResponse")).get("target")).isEqualTo(h(48).toString());
    }
}
