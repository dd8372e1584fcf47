package cn.tingfeng.report;

import static cn.tingfeng.tracking.TrackingApi.as;
import static cn.tingfeng.tracking.TrackingApi.assign;
import static cn.tingfeng.tracking.TrackingApi.createIncident;
import static cn.tingfeng.tracking.TrackingApi.incident;
import static cn.tingfeng.tracking.TrackingApi.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.tingfeng.testsupport.MutableClock;
import cn.tingfeng.testsupport.TestAccounts;
import cn.tingfeng.tracking.sweep.SweepService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Statistics on a seeded set of incidents whose figures are worked out by hand below (times UTC; Beijing = +8).
 * All five incidents get the category {@value #CATEGORY} so other tests' incidents stay out of scope.
 *
 * <pre>
 * A  II  start 09-28 01:00  lead U1 (测试县教育局) assigned 01:30, ack 01:36; responses 03:00 (政府网站) and 03:30
 *        (policy interpretation); press conference 09-28 21:00 (principal leader); feedback 22:00; close request
 *        23:00, RETURNED 09-29 00:00 (reopened: not completed).
 * B  I   start 09-29 01:00  lead U1 assigned 01:06 ack 01:12; co U2 (测试县卫生健康委员会) assigned 01:09 ack 01:18;
 *        U1 response 07:00 = 6 h, AFTER THE 5 h LIMIT (政务微博); no press conference; feedback U1 11:00, U2 13:00;
 *        both close-request 09-30 06:00, closed 07:00. Two units: the incident counts once, each unit in byUnit.
 * C  II  start 09-29 05:00  lead U2 assigned 05:06; response 09:00 = 4 h (target missed, limit kept; 在线访谈 with the
 *        principal leader; also the implicit acknowledgment); no press conference, no feedback; 领导批示 09-30 03:00,
 *        never completed (limit: 3 working days after 09-30 = Oct 8, 9, 10 → 10-10 16:00).
 * D  III start 09-30 02:00  lead U1 assigned 02:00, ack 03:00; response 10-01 08:00 = 30 h (微信公众号, within 48 h);
 *        领导批示 10-08 02:00, completed 10-09 02:00; feedback 10-10 07:00 — Saturday 10 October is a 调休 working day,
 *        so the 3-working-day feedback target (Oct 8, 9, 10) ends 10-10 16:00: on time; closed 10-10 08:00.
 * E  IV  start 09-30 06:00  never assigned (not needing handling).
 * Now: 10-12 02:00, after one sweep.
 * </pre>
 */
@QuarkusTest
class StatsApiTest {
    static final String CATEGORY = "统计测试";
    static final String RANGE = "from=2026-09-28&to=2026-09-30&category=" + CATEGORY;
    static final Instant NOW = t("2026-10-12T02:00:00Z");

    @Inject
    MutableClock clock;
    @Inject
    TestAccounts accounts;
    @Inject
    SweepService sweeps;
    @Inject
    EntityManager em;

    static boolean seeded;
    static long incidentA;
    static long incidentC;

    static Instant t(String s) {
        return Instant.parse(s);
    }

    @AfterEach
    void reset() {
        clock.reset();
    }

    @BeforeEach
    void seed() {
        if (!seeded) {
            seedTimeline();
            seeded = true;
        }
        clock.set(NOW);
    }

    void at(String instant) {
        clock.set(t(instant));
    }

    static Map<String, Object> response(String publishedAt, String channel, String kind, boolean principal) {
        Map<String, Object> m = new java.util.HashMap<>(Map.of("publishedAt", publishedAt, "channel", channel,
                "text", "情况通报", "principalLeader", principal));
        if (kind != null) m.put("channelKind", kind);
        return m;
    }

    void seedTimeline() {
        long u1 = accounts.unitId();
        long u2 = accounts.otherUnitId();
        at("2026-09-28T01:00:00Z");
        long a = createIncident("统计：某小区燃气泄漏", "II", t("2026-09-28T01:00:00Z"));
        at("2026-09-28T01:30:00Z");
        long aA = assign(a, u1, "lead");
        String pA = "/api/assignments/" + aA;
        at("2026-09-28T01:36:00Z");
        post("t-department", pA + "/ack", null, 200);
        at("2026-09-28T03:00:00Z");
        post("t-department", pA + "/responses", response("2026-09-28T03:00:00Z", "政府网站", null, false), 200);
        at("2026-09-28T03:30:00Z");
        post("t-department", pA + "/responses", response("2026-09-28T03:30:00Z", "市政府网站", "interpretation", false), 200);
        at("2026-09-28T21:00:00Z");
        post("t-department", pA + "/press-conferences", Map.of("heldAt", "2026-09-28T21:00:00Z", "spokesperson", "局长",
                "principalLeader", true), 200);
        at("2026-09-28T22:00:00Z");
        post("t-department", pA + "/feedback", Map.of("text", "已核实"), 200);
        at("2026-09-28T23:00:00Z");
        post("t-department", pA + "/close-requests", null, 200);
        at("2026-09-29T00:00:00Z");
        post("t-analyst", pA + "/return", Map.of("reason", "缺少整改措施"), 200);

        at("2026-09-29T01:00:00Z");
        long b = createIncident("统计：某校食堂食品安全", "I", t("2026-09-29T01:00:00Z"));
        at("2026-09-29T01:06:00Z");
        long aB1 = assign(b, u1, "lead");
        at("2026-09-29T01:09:00Z");
        long aB2 = assign(b, u2, "co");
        at("2026-09-29T01:12:00Z");
        post("t-department", "/api/assignments/" + aB1 + "/ack", null, 200);
        at("2026-09-29T01:18:00Z");
        post("t-other-dept", "/api/assignments/" + aB2 + "/ack", null, 200);

        at("2026-09-29T05:00:00Z");
        long c = createIncident("统计：某路段积水", "II", t("2026-09-29T05:00:00Z"));
        at("2026-09-29T05:06:00Z");
        long aC = assign(c, u2, "lead");
        at("2026-09-29T07:00:00Z");
        post("t-department", "/api/assignments/" + aB1 + "/responses", response("2026-09-29T07:00:00Z", "政务微博", null, false), 200);
        at("2026-09-29T09:00:00Z");
        post("t-other-dept", "/api/assignments/" + aC + "/responses", response("2026-09-29T09:00:00Z", "在线访谈", "interview", true), 200);
        at("2026-09-29T11:00:00Z");
        post("t-department", "/api/assignments/" + aB1 + "/feedback", Map.of("text", "牵头单位反馈"), 200);
        at("2026-09-29T13:00:00Z");
        post("t-other-dept", "/api/assignments/" + aB2 + "/feedback", Map.of("text", "配合单位反馈"), 200);

        at("2026-09-30T02:00:00Z");
        long d = createIncident("统计：某村道路破损", "III", t("2026-09-30T02:00:00Z"));
        long aD = assign(d, u1, "lead");
        at("2026-09-30T03:00:00Z");
        post("t-department", "/api/assignments/" + aD + "/ack", null, 200);
        as("t-leader").body(Map.of("incidentId", c, "text", "请尽快处置并反馈")).post("/api/instructions").then().statusCode(201);
        at("2026-09-30T06:00:00Z");
        long e = createIncident("统计：网民讨论（知晓性信息）", "IV", t("2026-09-30T06:00:00Z"));
        post("t-department", "/api/assignments/" + aB1 + "/close-requests", null, 200);
        post("t-other-dept", "/api/assignments/" + aB2 + "/close-requests", null, 200);
        at("2026-09-30T07:00:00Z");
        post("t-analyst", "/api/assignments/" + aB1 + "/close", null, 200);
        post("t-analyst", "/api/assignments/" + aB2 + "/close", null, 200);

        at("2026-10-01T08:00:00Z");
        post("t-department", "/api/assignments/" + aD + "/responses", response("2026-10-01T08:00:00Z", "微信公众号", null, false), 200);
        at("2026-10-08T02:00:00Z");
        long inD = as("t-leader").body(Map.of("incidentId", d, "text", "请核实")).post("/api/instructions")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        at("2026-10-09T02:00:00Z");
        post("t-department", "/api/instructions/" + inD + "/complete", Map.of("note", "已核实"), 200);
        at("2026-10-10T07:00:00Z");
        post("t-department", "/api/assignments/" + aD + "/feedback", Map.of("text", "已修复"), 200);
        // the working-day deadline across 调休: 3 working days after Wed 30 Sep = Thu 8, Fri 9, Sat 10 Oct (调休)
        JsonPath inc = incident(d);
        assertThat(inc.getString("assignments[0].clocks.feedback.target")).isEqualTo("2026-10-10T16:00:00Z");
        assertThat(inc.getString("assignments[0].clocks.feedback.status")).isEqualTo("met");
        at("2026-10-10T07:30:00Z");
        post("t-department", "/api/assignments/" + aD + "/close-requests", null, 200);
        at("2026-10-10T08:00:00Z");
        post("t-analyst", "/api/assignments/" + aD + "/close", null, 200);

        incidentA = a;
        incidentC = c;
        QuarkusTransaction.requiringNew().run(() -> em.createQuery("update Incident i set i.category = :c where i.id in :ids")
                .setParameter("c", CATEGORY).setParameter("ids", List.of(a, b, c, d, e)).executeUpdate());
        clock.set(NOW);
        sweeps.sweep();
    }

    JsonPath stats(String query) {
        return as("t-leader").get("/api/stats?" + query).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void totalsAreTheHandWorkedFigures() {
        JsonPath s = stats(RANGE);
        assertThat(s.getLong("incidents")).isEqualTo(5);
        assertThat(s.getLong("assigned")).isEqualTo(4); // E was never assigned
        assertThat(s.getLong("responded")).isEqualTo(4);
        // within the target: A (2 h) and D (30 h of 48 h); B (6 h) and C (4 h) missed the 3 h target
        assertThat(s.getDouble("onTimeTargetRate")).isEqualTo(50.0);
        assertThat(s.getMap("onTimeTarget")).isEqualTo(Map.of("count", 2, "of", 4));
        // within the limit: A, C (4 h < 5 h), D; B answered after the limit
        assertThat(s.getDouble("onTimeLimitRate")).isEqualTo(75.0);
        assertThat(s.getMap("onTimeLimit")).isEqualTo(Map.of("count", 3, "of", 4));
        // press conference required for the leads of A, B, C (grade I/II): only A held one within 24 h
        assertThat(s.getMap("pressConference")).isEqualTo(Map.of("count", 1, "of", 3));
        assertThat(s.getDouble("pressConferenceRate")).isEqualTo(33.33);
        // fed back by every unit: A, B (both units), D; not C
        assertThat(s.getDouble("feedbackRate")).isEqualTo(75.0);
        assertThat(s.getMap("feedback")).isEqualTo(Map.of("count", 3, "of", 4));
        // completed: B (both units), D; A was returned (reopened), C is open
        assertThat(s.getDouble("completionRate")).isEqualTo(50.0);
        assertThat(s.getMap("completion")).isEqualTo(Map.of("count", 2, "of", 4));
        // overdue now: C's press conference (limit 09-30 05:00), feedback (limit 10-01 05:06), instruction (10-10 16:00)
        assertThat(s.getLong("overdue")).isEqualTo(3);
    }

    @Test
    void unitsAndCountiesAreRankedWithTheCountsBehindEachRateAndFlaggedBelowTheFloor() {
        JsonPath s = stats(RANGE);
        List<Map<String, Object>> units = s.getList("byUnit");
        assertThat(units).extracting(u -> u.get("name")).containsExactly("测试县卫生健康委员会", "测试县教育局");
        // U2: B (co) and C (lead). First response only for C (lead): 4 h → limit kept, target missed
        JsonPath u2 = new JsonPath(s.prettify()).setRootPath("byUnit[0]");
        assertThat(u2.getInt("rank")).isEqualTo(1);
        assertThat(u2.getLong("assigned")).isEqualTo(2);
        assertThat(u2.getLong("incidents")).isEqualTo(2);
        assertThat(u2.getLong("responded")).isEqualTo(1);
        assertThat(u2.getDouble("onTimeTargetRate")).isEqualTo(0.0);
        assertThat(u2.getDouble("onTimeLimitRate")).isEqualTo(100.0);
        assertThat(u2.getMap("onTimeLimit")).isEqualTo(Map.of("count", 1, "of", 1));
        assertThat(u2.getMap("feedback")).isEqualTo(Map.of("count", 1, "of", 2));
        assertThat(u2.getMap("completion")).isEqualTo(Map.of("count", 1, "of", 2));
        assertThat(u2.getLong("overdue")).isEqualTo(3);
        // floor 90 %, at least 2 items: on time 1 of 1 is too few to judge
        assertThat(u2.getBoolean("flagged")).isTrue();
        assertThat(u2.getList("flags")).containsExactly("feedback", "completion");
        // U1: A, B (lead), D
        JsonPath u1 = new JsonPath(s.prettify()).setRootPath("byUnit[1]");
        assertThat(u1.getLong("assigned")).isEqualTo(3);
        assertThat(u1.getMap("onTimeTarget")).isEqualTo(Map.of("count", 2, "of", 3));
        assertThat(u1.getMap("onTimeLimit")).isEqualTo(Map.of("count", 2, "of", 3));
        assertThat(u1.getDouble("onTimeLimitRate")).isEqualTo(66.67);
        assertThat(u1.getMap("pressConference")).isEqualTo(Map.of("count", 1, "of", 2));
        assertThat(u1.getMap("feedback")).isEqualTo(Map.of("count", 3, "of", 3));
        assertThat(u1.getMap("completion")).isEqualTo(Map.of("count", 2, "of", 3));
        assertThat(u1.getLong("overdue")).isZero();
        assertThat(u1.getList("flags")).containsExactly("onTimeLimit", "completion");

        List<Map<String, Object>> counties = s.getList("byCounty");
        assertThat(counties).hasSize(1);
        JsonPath county = new JsonPath(s.prettify()).setRootPath("byCounty[0]");
        assertThat(county.getString("name")).isEqualTo("测试县");
        assertThat(county.getLong("assigned")).isEqualTo(5); // assignments
        assertThat(county.getLong("incidents")).isEqualTo(4);
        assertThat(county.getMap("onTimeLimit")).isEqualTo(Map.of("count", 3, "of", 4));
        assertThat(county.getMap("feedback")).isEqualTo(Map.of("count", 4, "of", 5));
        assertThat(county.getMap("completion")).isEqualTo(Map.of("count", 3, "of", 5));
        assertThat(county.getLong("overdue")).isEqualTo(3);

        // scoped to one unit and to one grade
        JsonPath one = stats(RANGE + "&unitId=" + accounts.otherUnitId());
        assertThat(one.getLong("incidents")).isEqualTo(2);
        assertThat(one.getLong("assigned")).isEqualTo(2);
        assertThat(one.getMap("completion")).isEqualTo(Map.of("count", 1, "of", 2));
        JsonPath grade = stats(RANGE + "&grade=II&county=测试县");
        assertThat(grade.getLong("incidents")).isEqualTo(2); // A and C
        assertThat(grade.getMap("onTimeTarget")).isEqualTo(Map.of("count", 1, "of", 2));
    }

    @Test
    void trendsEscalationsInstructionsAndDurations() {
        JsonPath s = stats(RANGE);
        assertThat(s.getList("trends.day.start")).containsExactly("2026-09-28", "2026-09-29", "2026-09-30");
        assertThat(s.getList("trends.day.incidents")).containsExactly(1, 2, 2);
        assertThat(s.getList("trends.day.assigned")).containsExactly(1, 2, 1);
        assertThat(s.getList("trends.week.start")).containsExactly("2026-09-28");
        assertThat(s.getList("trends.week.incidents")).containsExactly(5);
        assertThat(s.getList("trends.month.start")).containsExactly("2026-09-01");
        assertThat(s.getList("trends.month.completionRate")).containsExactly(50.0f);

        // one sweep at 10-12 02:00 on C's overdue clocks (the reminders are superseded: every target has passed):
        // press conference 催办 督办 问责 (limit + 24 h), feedback 催办 督办 问责 (limit + 3 working days = 10-10 24:00),
        // instruction 催办 督办 (问责 only after 3 more working days)
        assertThat(s.getLong("escalations.reminder")).isZero();
        assertThat(s.getLong("escalations.urge")).isEqualTo(3);
        assertThat(s.getLong("escalations.supervise")).isEqualTo(3);
        assertThat(s.getLong("escalations.accountability")).isEqualTo(2);

        assertThat(s.getLong("instructions.incidents")).isEqualTo(2); // C and D
        assertThat(s.getLong("instructions.incidentsClosed")).isEqualTo(1); // D
        assertThat(s.getDouble("instructions.incidentCompletionRate")).isEqualTo(50.0);
        assertThat(s.getLong("instructions.instructions")).isEqualTo(2);
        assertThat(s.getLong("instructions.completed")).isEqualTo(1);
        assertThat(s.getLong("instructions.completedInTime")).isEqualTo(1);

        // to acknowledge: A 360 s, B/U1 360, B/U2 540, D 3600, C 14040 (implicit, at its response)
        assertThat(s.getLong("durations.toAcknowledge.count")).isEqualTo(5);
        assertThat(s.getDouble("durations.toAcknowledge.medianSeconds")).isEqualTo(540.0);
        assertThat(s.getDouble("durations.toAcknowledge.p90Seconds")).isEqualTo(9864.0); // 3600 + 0.6 × (14040 − 3600)
        // to first response: 7200, 14400, 21600, 108000
        assertThat(s.getDouble("durations.toFirstResponse.medianSeconds")).isEqualTo(18000.0);
        assertThat(s.getDouble("durations.toFirstResponse.p90Seconds")).isEqualTo(82080.0); // 21600 + 0.7 × 86400
        // to close (closed assignments): B/U2 107460, B/U1 107640, D 885600
        assertThat(s.getLong("durations.toClose.count")).isEqualTo(3);
        assertThat(s.getDouble("durations.toClose.medianSeconds")).isEqualTo(107640.0);
        assertThat(s.getDouble("durations.toClose.p90Seconds")).isEqualTo(730008.0); // 107640 + 0.8 × 777960
    }

    @Test
    void annualReportTableCountsResponsesAndConferencesByTheirOwnTime() {
        JsonPath y = as("t-analyst").get("/api/stats/annual?year=2026&category=" + CATEGORY).then().statusCode(200)
                .extract().jsonPath();
        assertThat(y.getLong("respondedIncidents")).isEqualTo(4);
        assertThat(y.getLong("pressConferences")).isEqualTo(1);
        assertThat(y.getLong("pressConferencesPrincipal")).isEqualTo(1);
        assertThat(y.getLong("onlineInterviews")).isEqualTo(1);
        assertThat(y.getLong("onlineInterviewsPrincipal")).isEqualTo(1);
        assertThat(y.getLong("interpretationArticles")).isEqualTo(1);
        assertThat(y.getLong("weiboWechatIncidents")).isEqualTo(2); // B (微博), D (微信公众号)
        assertThat(y.getLong("otherChannelIncidents")).isEqualTo(1); // A (政府网站)
        // in /api/stats the table covers the query's days: D's response (10-01) falls outside
        JsonPath s = stats(RANGE);
        assertThat(s.getLong("annual.respondedIncidents")).isEqualTo(3);
        assertThat(s.getLong("annual.weiboWechatIncidents")).isEqualTo(1);
    }

    @Test
    void exportsReadBack() throws Exception {
        byte[] xlsx = as("t-leader").get("/api/stats/export?table=byUnit&format=xlsx&" + RANGE).then().statusCode(200)
                .contentType(StatsResource.XLSX).extract().asByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> rows = wb.getFirstSheet().read();
            assertThat(rows).hasSize(3);
            assertThat(rows.get(0).getCellText(1)).isEqualTo("单位");
            assertThat(rows.get(1).getCellText(1)).isEqualTo("测试县卫生健康委员会");
            assertThat(rows.get(2).getCellText(1)).isEqualTo("测试县教育局");
            assertThat(rows.get(2).getCellText(3)).isEqualTo("按时回应率、办结率");
            // 最迟时限内回应数, 判定数, 率 of U1: 2, 3, 66.67
            assertThat(rows.get(2).getCellAsNumber(10).orElseThrow().intValue()).isEqualTo(2);
            assertThat(rows.get(2).getCellAsNumber(11).orElseThrow().intValue()).isEqualTo(3);
            assertThat(rows.get(2).getCellAsNumber(12).orElseThrow().doubleValue()).isEqualTo(66.67);
        }
        byte[] csv = as("t-leader").get("/api/stats/export?table=summary&format=csv&" + RANGE).then().statusCode(200)
                .contentType("text/csv; charset=UTF-8").extract().asByteArray();
        assertThat(csv[0]).isEqualTo((byte) 0xEF);
        String[] lines = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines[0]).startsWith("舆情事件数,需处置（交办）数,已回应数,");
        assertThat(lines[1]).isEqualTo("5,4,4,2,4,50.0,3,4,75.0,1,3,33.33,3,75.0,2,50.0,3");
        for (String table : StatsTables.NAMES) {
            as("t-analyst").get("/api/stats/export?table=" + table + "&format=csv&" + RANGE).then().statusCode(200);
        }
        as("t-leader").get("/api/stats/export?table=nope&format=csv&" + RANGE).then().statusCode(400)
                .body("details[0].field", equalTo("table"));
        as("t-leader").get("/api/stats/export?table=byUnit&format=pdf&" + RANGE).then().statusCode(400)
                .body("details[0].field", equalTo("format"));
    }

    @Test
    void rolesAndBadInput() {
        as("t-department").get("/api/stats?" + RANGE).then().statusCode(403);
        as("t-department").get("/api/stats/export?table=byUnit&format=csv&" + RANGE).then().statusCode(403);
        as("t-supervisor").get("/api/stats?" + RANGE).then().statusCode(200);
        as("t-admin").get("/api/stats?" + RANGE).then().statusCode(200);
        as("t-leader").get("/api/stats?from=2026-10-01&to=2026-09-01").then().statusCode(400)
                .body("details[0].field", equalTo("from"));
        as("t-leader").get("/api/stats?from=2026-13-01&to=2026-12-01").then().statusCode(400)
                .body("details[0].field", equalTo("from"));
        as("t-leader").get("/api/stats?to=2026-12-01").then().statusCode(400).body("details[0].field", equalTo("from"));
        as("t-leader").get("/api/stats?" + RANGE + "&grade=V").then().statusCode(400).body("details[0].field", equalTo("grade"));
        as("t-leader").get("/api/stats?" + RANGE + "&county=火星县").then().statusCode(400).body("details[0].field", equalTo("county"));
        as("t-leader").get("/api/stats/annual").then().statusCode(400).body("details[0].field", equalTo("year"));
    }

    @Test
    void leadersDashboardShowsTheFiguresAndDrillsDownToTheIncidents() {
        String page = cn.tingfeng.web.WebSession.as("t-leader").get("/app/dashboard?" + RANGE).then().statusCode(200).extract().asString();
        assertThat(page).contains("回应及时率", "75.00%", "50.00%", "测试县卫生健康委员会", "测试县教育局", "按日")
                .contains("/app/dashboard/incidents?from=2026-09-28&amp;to=2026-09-30&amp;category=")
                .doesNotContain("style=", "<script>");
        String open = cn.tingfeng.web.WebSession.as("t-leader").get("/app/dashboard/incidents?" + RANGE + "&measure=notCompleted").then().statusCode(200)
                .extract().asString();
        assertThat(open).contains("统计：某小区燃气泄漏", "统计：某路段积水").doesNotContain("统计：某校食堂食品安全", "统计：某村道路破损");
        String late = cn.tingfeng.web.WebSession.as("t-leader").get("/app/dashboard/incidents?" + RANGE + "&measure=lateLimit").then().statusCode(200)
                .extract().asString();
        assertThat(late).contains("统计：某校食堂食品安全").doesNotContain("统计：某小区燃气泄漏", "统计：某路段积水");
        String unit = cn.tingfeng.web.WebSession.as("t-supervisor").get("/app/dashboard/incidents?" + RANGE + "&unitId=" + accounts.otherUnitId()
                + "&measure=overdue").then().statusCode(200).extract().asString();
        assertThat(unit).contains("统计：某路段积水").doesNotContain("统计：某校食堂食品安全");
        cn.tingfeng.web.WebSession.as("t-department").get("/app/dashboard?" + RANGE).then().statusCode(403);
        cn.tingfeng.web.WebSession.as("t-leader").get("/app/dashboard").then().statusCode(200); // default: this month
    }

    @Test
    void theDepartmentsResponseFormRecordsTheChannelKindAndThePrincipalLeader() {
        // outside the category: the figures above are not affected
        long f = createIncident("统计：表单回应", "III", NOW.minusSeconds(3600));
        long af = assign(f, accounts.unitId(), "lead");
        cn.tingfeng.web.WebSession.form("t-department").formParam("publishedAt", "2026-10-12T09:30")
                .formParam("channel", "连云港发布").formParam("channelKind", "weibo").formParam("principalLeader", "on")
                .formParam("text", "情况通报").post("/app/tasks/" + af + "/respond").then().statusCode(303);
        JsonPath inc = incident(f);
        assertThat(inc.getString("assignments[0].history.find { it.type == 'RESPONSE_PUBLISHED' }.details.channelKind"))
                .isEqualTo("weibo");
        assertThat(inc.getBoolean("assignments[0].history.find { it.type == 'RESPONSE_PUBLISHED' }.details.principalLeader"))
                .isTrue();
        assertThat(inc.getString("assignments[0].clocks.firstResponse.metAt")).isEqualTo("2026-10-12T01:30:00Z");
        // the API: an unknown channel kind is a 400 naming the field
        as("t-department").body(Map.of("publishedAt", "2026-10-12T01:40:00Z", "channel", "x", "channelKind", "tv", "text", "t"))
                .post("/api/assignments/" + af + "/responses").then().statusCode(400).body("details[0].field", equalTo("channelKind"));
    }

    @Test
    void scopedToAMonitoringPlan() {
        // a plan whose matched posts belong to A and C only
        long plan = QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("insert into monitoring_plan (name, owner, current_version, created_at, updated_at)"
                    + " values ('统计测试方案', 't-analyst', 1, ?1, ?1)").setParameter(1, NOW).executeUpdate();
            long id = ((Number) em.createNativeQuery("select max(id) from monitoring_plan").getSingleResult()).longValue();
            for (long incident : List.of(incidentA, incidentC)) {
                String url = "https://example.gov.cn/stats-plan/" + incident;
                em.createNativeQuery("insert into post (url, canonical_url, url_hash, fetched_at) values (?1, ?1, ?2, ?3)")
                        .setParameter(1, url).setParameter(2, "stats-plan-" + incident).setParameter(3, NOW).executeUpdate();
                long post = ((Number) em.createNativeQuery("select id from post where url_hash = ?1")
                        .setParameter(1, "stats-plan-" + incident).getSingleResult()).longValue();
                em.createNativeQuery("insert into post_match (post_id, plan_id, plan_version, evidence, matched_at)"
                        + " values (?1, ?2, 1, '{}', ?3)").setParameter(1, post).setParameter(2, id).setParameter(3, NOW).executeUpdate();
                em.createNativeQuery("insert into incident_post (incident_id, post_id) values (?1, ?2)")
                        .setParameter(1, incident).setParameter(2, post).executeUpdate();
            }
            return id;
        });
        JsonPath s = stats(RANGE + "&plan=" + plan);
        assertThat(s.getLong("incidents")).isEqualTo(2);
        assertThat(s.getLong("assigned")).isEqualTo(2);
        assertThat(s.getMap("onTimeTarget")).isEqualTo(Map.of("count", 1, "of", 2)); // A yes, C no
        assertThat(s.getMap("onTimeLimit")).isEqualTo(Map.of("count", 2, "of", 2));
        assertThat(s.getMap("completion")).isEqualTo(Map.of("count", 0, "of", 2));
        assertThat(s.getLong("overdue")).isEqualTo(3);
    }
}
