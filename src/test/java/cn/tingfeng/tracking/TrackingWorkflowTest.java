package cn.tingfeng.tracking;

import static cn.tingfeng.tracking.TrackingApi.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tingfeng.testsupport.MutableClock;
import cn.tingfeng.testsupport.TestAccounts;
import cn.tingfeng.tracking.sweep.SweepService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The workflow 交办 → 签收 → 回应 → 发布会 → 反馈 → 办结, disputes, leader instructions, confinement and once-only sweeps. */
@QuarkusTest
class TrackingWorkflowTest {
    static final Instant START = Instant.parse("2026-12-07T01:00:00Z"); // Monday 09:00 in Beijing

    @Inject
    MutableClock clock;
    @Inject
    TestAccounts accounts;
    @Inject
    SweepService sweeps;

    @AfterEach
    void reset() {
        clock.reset();
    }

    Instant h(double hours) {
        return START.plus(Duration.ofMinutes(Math.round(hours * 60)));
    }

    @Test
    void fullWorkflowFromAssignmentToClosing() {
        clock.set(START);
        long i = createIncident("流程测试：某小学校车事故", "I", START);
        long a = assign(i, accounts.unitId(), "lead");
        String base = "/api/assignments/" + a;
        clock.set(h(0.2));
        post("t-department", base + "/ack", null, 200);
        post("t-department", base + "/ack", null, 409); // already acknowledged
        clock.set(h(1));
        post("t-department", base + "/responses", Map.of("publishedAt", h(0.9).toString(), "channel", "政府网站",
                "url", "https://example.gov.cn/a", "text", "首次通报"), 200);
        post("t-department", base + "/responses", Map.of("publishedAt", h(2).toString(), "channel", "微博", "text", "未来时间"), 400);
        clock.set(h(10));
        post("t-department", base + "/press-conferences", Map.of("heldAt", h(9).toString(), "spokesperson", "张局长",
                "url", "https://example.gov.cn/b"), 200);
        post("t-department", base + "/feedback", Map.of("text", "已核实：2 人轻伤，已妥善处置"), 200);
        post("t-department", base + "/close-requests", null, 200);
        post("t-analyst", base + "/return", Map.of("reason", "反馈缺少整改措施"), 200);
        post("t-analyst", base + "/close", null, 409); // nothing to close after the return
        post("t-department", base + "/close-requests", null, 200);
        post("t-analyst", base + "/close", null, 200);
        post("t-department", base + "/feedback", Map.of("text", "办结后"), 409);

        JsonPath inc = incident(i);
        assertThat(inc.getString("status")).isEqualTo("closed");
        assertThat(inc.getString("assignments[0].status")).isEqualTo("closed");
        assertThat(inc.getString("assignments[0].clocks.ack.status")).isEqualTo("met");
        assertThat(inc.getString("assignments[0].clocks.firstResponse.status")).isEqualTo("met");
        assertThat(inc.getString("assignments[0].clocks.firstResponse.metAt")).isEqualTo(h(0.9).toString());
        assertThat(inc.getString("assignments[0].clocks.pressConference.status")).isEqualTo("met");
        assertThat(inc.getList("assignments[0].history.type")).containsExactly("ASSIGNED", "ACKNOWLEDGED",
                "RESPONSE_PUBLISHED", "PRESS_CONFERENCE_HELD", "FEEDBACK_REPORTED", "CLOSE_REQUESTED", "RETURNED",
                "CLOSE_REQUESTED", "CLOSED");
        assertThat(inc.getString("assignments[0].history[2].details.channel")).isEqualTo("政府网站");
        assertThat(inc.getString("assignments[0].policyVersion")).startsWith("default@");
    }

    @Test
    void aDepartmentSeesAndTouchesOnlyItsOwnUnitsAssignments() {
        clock.set(START);
        long i = createIncident("权限测试", "III", START);
        long mine = assign(i, accounts.unitId(), "lead");
        long theirs = assign(i, accounts.otherUnitId(), "co");
        post("t-other-dept", "/api/assignments/" + mine + "/ack", null, 403);
        post("t-other-dept", "/api/assignments/" + mine + "/feedback", Map.of("text", "越权"), 403);
        post("t-analyst", "/api/assignments/" + mine + "/ack", null, 403);
        JsonPath seen = as("t-department").get("/api/incidents/" + i).then().statusCode(200).extract().jsonPath();
        assertThat(seen.getList("assignments.id", Long.class)).containsExactly(mine);
        JsonPath other = as("t-other-dept").get("/api/incidents/" + i).then().statusCode(200).extract().jsonPath();
        assertThat(other.getList("assignments.id", Long.class)).containsExactly(theirs);
        assertThat(other.getMap("assignments[0].clocks")).doesNotContainKey("firstResponse"); // co-responders: no publication clock
        long unassigned = createIncident("未交办事件", "IV", START);
        as("t-department").get("/api/incidents/" + unassigned).then().statusCode(403).body("error", org.hamcrest.Matchers.is("forbidden"));
        List<Long> queue = as("t-department").get("/api/assignments?mine").then().statusCode(200).extract().jsonPath()
                .getList("id", Long.class);
        assertThat(queue).contains(mine).doesNotContain(theirs);
    }

    @Test
    void aDisputeDecidedAsReassignmentStopsTheOldClocksAndStartsTheNewUnitsFromTheSameIncidentStart() {
        clock.set(START);
        long i = createIncident("改派测试：医院收费投诉", "II", START);
        long a = assign(i, accounts.unitId(), "lead");
        clock.set(h(1));
        post("t-department", "/api/assignments/" + a + "/disputes", Map.of("reason", "属卫生健康部门职责"), 200);
        post("t-department", "/api/assignments/" + a + "/disputes", Map.of("reason", "再次申请"), 409);
        clock.set(h(2));
        JsonPath next = as("t-analyst").body(Map.of("outcome", "reassigned", "reason", "同意改派", "unitId", accounts.otherUnitId()))
                .post("/api/assignments/" + a + "/dispute-decision").then().statusCode(200).extract().jsonPath();
        long b = next.getLong("id");
        assertThat(next.getLong("unitId")).isEqualTo(accounts.otherUnitId());
        assertThat(next.getString("clocks.firstResponse.target")).isEqualTo(h(3).toString());
        clock.set(h(6));
        sweep();
        assertThat(steps(i, a, "firstResponse")).isEmpty(); // stopped at the decision, before its target
        assertThat(clockStatus(i, a, "firstResponse")).isEqualTo("pending");
        assertThat(steps(i, b, "firstResponse")).containsExactly("urge", "supervise");
    }

    @Test
    void aLeaderInstructionIsATrackedTaskOfTheLeadUnit() {
        clock.set(START);
        long i = createIncident("领导批示测试", "II", START);
        long a = assign(i, accounts.unitId(), "lead");
        clock.set(h(1));
        as("t-analyst").body(Map.of("incidentId", i, "text", "请尽快核实")).post("/api/instructions").then().statusCode(403);
        long n = as("t-leader").body(Map.of("incidentId", i, "text", "请教育局立即核实情况，及时回应社会关切", "dueAt", h(5).toString()))
                .post("/api/instructions").then().statusCode(201).extract().jsonPath().getLong("id");
        assertThat(clockStatus(i, a, "instruction:" + n)).isEqualTo("pending");
        clock.set(h(5));
        sweep();
        assertThat(steps(i, a, "instruction:" + n)).containsExactly("urge", "supervise");
        post("t-other-dept", "/api/instructions/" + n + "/complete", Map.of("note", "越权"), 403);
        clock.set(h(6));
        post("t-department", "/api/instructions/" + n + "/complete", Map.of("note", "已核实并回应"), 200);
        assertThat(clockStatus(i, a, "instruction:" + n)).isEqualTo("breached");
        assertThat(incident(i).getString("instructions[0].completionNote")).isEqualTo("已核实并回应");
    }

    @Test
    void aSupervisionRecordIsAcknowledgedByItsRecipientOnce() {
        clock.set(START);
        long i = createIncident("督办签收测试", "II", START);
        long a = assign(i, accounts.unitId(), "lead");
        clock.set(h(3));
        sweep();
        List<Map<String, Object>> recs = as("t-supervisor").get("/api/supervision?status=open").then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.assignmentId == " + a + " }");
        long id = ((Number) recs.get(0).get("id")).longValue();
        post("t-other-dept", "/api/supervision/" + id + "/ack", null, 403);
        post("t-department", "/api/supervision/" + id + "/ack", null, 200);
        post("t-department", "/api/supervision/" + id + "/ack", null, 409);
        List<Long> open = as("t-admin").get("/api/supervision?status=open").then().statusCode(200).extract().jsonPath().getList("id", Long.class);
        assertThat(open).doesNotContain(id);
    }

    @Test
    void aDoubleSweepAndTwoConcurrentSweepsGiveOneRecordPerStep() throws Exception {
        clock.set(START);
        List<long[]> created = new ArrayList<>();
        for (int k = 0; k < 8; k++) {
            long i = createIncident("并发督办测试 " + k, "II", START);
            created.add(new long[]{i, assign(i, accounts.unitId(), "lead")});
        }
        clock.set(h(6));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CyclicBarrier barrier = new CyclicBarrier(2);
        try {
            List<Future<SweepService.SweepReport>> runs = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                runs.add(pool.submit(() -> {
                    barrier.await();
                    return sweeps.sweep();
                }));
            }
            for (Future<SweepService.SweepReport> f : runs) f.get();
        } finally {
            pool.shutdown();
        }
        SweepService.SweepReport again = sweeps.sweep();
        for (long[] ids : created) {
            assertThat(steps(ids[0], ids[1], "firstResponse")).containsExactly("urge", "supervise");
            assertThat(steps(ids[0], ids[1], "ack")).containsExactly("urge", "supervise");
            assertThat(again.created()).noneMatch(f -> f.assignmentId() == ids[1]);
        }
    }
}
