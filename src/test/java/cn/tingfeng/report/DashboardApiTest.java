package cn.tingfeng.report;

import static cn.tingfeng.tracking.TrackingApi.as;
import static cn.tingfeng.tracking.TrackingApi.assign;
import static cn.tingfeng.tracking.TrackingApi.createIncident;
import static cn.tingfeng.tracking.TrackingApi.post;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tingfeng.testsupport.MutableClock;
import cn.tingfeng.testsupport.TestAccounts;
import cn.tingfeng.tracking.sweep.SweepService;
import cn.tingfeng.web.WebSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The leaders' dashboard data ({@code GET /api/dashboard}) on a seeded timeline (times UTC):
 *
 * <pre>
 * P  II  start 08-03 01:00  lead U1 assigned 01:10; response 02:00 (1 h: on target); feedback 03:00; 批示 by t-leader
 *        08-03 04:00, never completed; no press conference (24 h missed).
 * Q  I   start 08-04 01:00  lead U2 assigned 01:10; nothing else: every clock overdue at now, escalated by the sweep.
 * R  IV  start 08-05 02:00  never assigned.
 * S  III start 08-05 03:00  lead U1 assigned 03:10, ack, response 08-05 05:00, 批示 08-05 06:00 completed 08-06 01:00.
 * Now: 08-12 02:00, after one sweep.
 * </pre>
 *
 * Every figure the dashboard shares with {@code /api/stats} is compared with it for the same range; the dashboard's own
 * figures (grades, categories, overdue list, 批示 open/done) are worked out by hand.
 */
@QuarkusTest
class DashboardApiTest {
    static final String CATEGORY = "看板测试";
    static final String RANGE = "from=2026-08-03&to=2026-08-05&category=" + CATEGORY;
    static final Instant NOW = Instant.parse("2026-08-12T02:00:00Z");

    @Inject
    MutableClock clock;
    @Inject
    TestAccounts accounts;
    @Inject
    SweepService sweeps;
    @Inject
    EntityManager em;

    static boolean seeded;
    static long p;
    static long q;
    static long r;
    static long s;

    @BeforeEach
    void seed() {
        if (!seeded) {
            seedTimeline();
            seeded = true;
        }
        clock.set(NOW);
    }

    @AfterEach
    void reset() {
        clock.reset();
    }

    void at(String instant) {
        clock.set(Instant.parse(instant));
    }

    void seedTimeline() {
        long u1 = accounts.unitId();
        long u2 = accounts.otherUnitId();
        at("2026-08-03T01:00:00Z");
        p = createIncident("看板：某小区停水", "II", Instant.parse("2026-08-03T01:00:00Z"));
        at("2026-08-03T01:10:00Z");
        long aP = assign(p, u1, "lead");
        at("2026-08-03T02:00:00Z");
        post("t-department", "/api/assignments/" + aP + "/responses", Map.of("publishedAt", "2026-08-03T02:00:00Z",
                "channel", "政府网站", "text", "情况通报"), 200);
        at("2026-08-03T03:00:00Z");
        post("t-department", "/api/assignments/" + aP + "/feedback", Map.of("text", "已恢复供水"), 200);
        at("2026-08-03T04:00:00Z");
        as("t-leader").body(Map.of("incidentId", p, "text", "请查明原因")).post("/api/instructions").then().statusCode(201);

        at("2026-08-04T01:00:00Z");
        q = createIncident("看板：某路段塌陷", "I", Instant.parse("2026-08-04T01:00:00Z"));
        at("2026-08-04T01:10:00Z");
        assign(q, u2, "lead");

        at("2026-08-05T02:00:00Z");
        r = createIncident("看板：网民议论", "IV", Instant.parse("2026-08-05T02:00:00Z"));
        at("2026-08-05T03:00:00Z");
        s = createIncident("看板：某村垃圾堆放", "III", Instant.parse("2026-08-05T03:00:00Z"));
        at("2026-08-05T03:10:00Z");
        long aS = assign(s, u1, "lead");
        post("t-department", "/api/assignments/" + aS + "/ack", null, 200);
        at("2026-08-05T05:00:00Z");
        post("t-department", "/api/assignments/" + aS + "/responses", Map.of("publishedAt", "2026-08-05T05:00:00Z",
                "channel", "微信公众号", "text", "已清理"), 200);
        at("2026-08-05T06:00:00Z");
        long inS = as("t-leader").body(Map.of("incidentId", s, "text", "请举一反三")).post("/api/instructions")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        at("2026-08-06T01:00:00Z");
        post("t-department", "/api/instructions/" + inS + "/complete", Map.of("note", "已整改"), 200);

        QuarkusTransaction.requiringNew().run(() -> em.createQuery("update Incident i set i.category = :c where i.id in :ids")
                .setParameter("c", CATEGORY).setParameter("ids", List.of(p, q, r, s)).executeUpdate());
        clock.set(NOW);
        sweeps.sweep();
    }

    JsonPath dashboard(String query) {
        return as("t-leader").get("/api/dashboard?" + query).then().statusCode(200).extract().jsonPath();
    }

    JsonPath stats(String query) {
        return as("t-leader").get("/api/stats?" + query).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theFiguresAreThoseOfApiStatsForTheSameRange() {
        JsonPath d = dashboard(RANGE);
        JsonPath st = stats(RANGE);
        for (String k : List.of("incidents", "assigned", "responded", "onTimeTargetRate", "onTimeLimitRate", "pressConferenceRate",
                "feedbackRate", "completionRate", "overdue", "onTimeTarget", "onTimeLimit", "pressConference", "feedback", "completion")) {
            assertThat((Object) d.get("figures." + k)).as(k).isEqualTo(st.get(k));
        }
        assertThat(d.getLong("figures.incidents")).isEqualTo(4);
        assertThat(d.getLong("figures.assigned")).isEqualTo(3);
        assertThat(d.getLong("figures.overdue")).isPositive();
        // the unit ranking, with its counts and flags, is /api/stats' byUnit
        assertThat(d.getList("units")).isEqualTo(st.getList("byUnit"));
        assertThat(d.getInt("unitsTotal")).isEqualTo(st.getList("byUnit").size()).isEqualTo(2);
        // the county chart counts the incidents of /api/stats' byCounty
        assertThat(d.getList("byCounty.count")).isEqualTo(st.getList("byCounty.incidents"));
        assertThat(d.getList("byCounty.label")).containsExactly("测试县");
        // escalations by step
        Map<String, Object> esc = st.getMap("escalations");
        for (String step : List.of("reminder", "urge", "supervise", "accountability")) {
            assertThat(((Number) d.getMap("escalations.find { it.key == '" + step + "' }").get("count")).longValue())
                    .as(step).isEqualTo(((Number) esc.get(step)).longValue());
        }
        assertThat(((Number) esc.get("urge")).longValue()).isPositive();
        // the trend: one point a day (3 days), incidents as in the statistics' daily trend
        assertThat(d.getString("granularity")).isEqualTo("day");
        assertThat(d.getList("trend.start")).containsExactly("2026-08-03", "2026-08-04", "2026-08-05");
        assertThat(d.getList("trend.incidents")).isEqualTo(st.getList("trends.day.incidents")).containsExactly(1, 1, 2);
        assertThat(d.getList("trend.onTimeLimitRate")).isEqualTo(st.getList("trends.day.onTimeLimitRate"));
        // 批示: figures of /api/stats and, by hand, P's open and past its limit at now, S's completed on time
        assertThat(d.getLong("instructions.total")).isEqualTo(st.getLong("instructions.instructions")).isEqualTo(2);
        assertThat(d.getLong("instructions.done")).isEqualTo(st.getLong("instructions.completed")).isEqualTo(1);
        assertThat(d.getLong("instructions.doneOnTime")).isEqualTo(st.getLong("instructions.completedInTime")).isEqualTo(1);
        assertThat(d.getLong("instructions.open")).isEqualTo(1);
        assertThat(d.getLong("instructions.openOverdue")).isEqualTo(1);
    }

    @Test
    void distributionsAndTheOverdueListAreWorkedOutByHand() {
        JsonPath d = dashboard(RANGE);
        assertThat(d.getList("byGrade.key")).containsExactly("I", "II", "III", "IV");
        assertThat(d.getList("byGrade.count")).containsExactly(1, 1, 1, 1);
        assertThat(d.getString("byGrade[0].label")).isEqualTo("I 级 特别重大");
        assertThat(d.getMap("byGrade[0].drill")).isEqualTo(Map.of("grade", "I", "measure", "all"));
        assertThat(d.getList("byCategory.key")).containsExactly(CATEGORY);
        assertThat(d.getList("byCategory.count")).containsExactly(4);
        // overdue now: Q's clocks (U2) and P's (press conference, 批示); each row names incident, unit and obligation
        List<Map<String, Object>> overdue = d.getList("overdue");
        assertThat(overdue).hasSize(d.getInt("figures.overdue"));
        assertThat(overdue).extracting(o -> ((Number) o.get("incidentId")).longValue()).containsOnly(p, q);
        assertThat(overdue).extracting(o -> o.get("clockLabel")).contains("首次回应", "领导批示", "新闻发布会");
        assertThat(overdue).allSatisfy(o -> assertThat(((Number) o.get("overdueMinutes")).longValue()).isPositive());
        // oldest limit first
        List<String> limits = overdue.stream().map(o -> (String) o.get("limitAt")).toList();
        assertThat(limits).isSorted();
        // a unit scope: only U2's incident
        JsonPath u2 = dashboard(RANGE + "&unitId=" + accounts.otherUnitId());
        assertThat(u2.getLong("figures.incidents")).isEqualTo(1);
        assertThat(u2.getList("byGrade.count")).containsExactly(1, 0, 0, 0);
    }

    @Test
    void aDepartmentUserGets403AndTheOtherRolesTheData() {
        as("t-department").get("/api/dashboard?" + RANGE).then().statusCode(403);
        as("t-other-dept").get("/api/dashboard?" + RANGE).then().statusCode(403);
        for (String user : List.of("t-leader", "t-analyst", "t-supervisor", "t-admin")) {
            as(user).get("/api/dashboard?" + RANGE).then().statusCode(200);
        }
        io.restassured.RestAssured.given().get("/api/dashboard?" + RANGE).then().statusCode(401);
        as("t-leader").get("/api/dashboard?from=2026-08-05&to=2026-08-01").then().statusCode(400);
        as("t-leader").get("/api/dashboard?from=2026-08-01&to=2026-08-05&grade=V").then().statusCode(400);
    }

    /** Unchanged figures revalidate as 304 without a body (a browser, the 大屏); changed ones come back as 200 with a new tag. */
    @Test
    void aClientHoldingTheCurrentETagGets304() {
        io.restassured.response.Response first = as("t-leader").get("/api/dashboard?" + RANGE);
        first.then().statusCode(200).header("Cache-Control", "private, no-cache");
        String etag = first.header("ETag");
        assertThat(etag).matches("\"[0-9a-f]{24}\"");
        io.restassured.response.Response again = as("t-leader").header("If-None-Match", etag).get("/api/dashboard?" + RANGE);
        again.then().statusCode(304).header("ETag", etag);
        assertThat(again.asByteArray()).isEmpty();
        as("t-leader").header("If-None-Match", "W/" + etag).get("/api/dashboard?" + RANGE).then().statusCode(304);
        as("t-leader").header("If-None-Match", "\"something-else\"").get("/api/dashboard?" + RANGE).then().statusCode(200);
        WebSession.as("t-leader").header("If-None-Match", etag).get("/app/dashboard/data?" + RANGE).then().statusCode(304);
        // a department user is refused before any tag is compared
        as("t-department").header("If-None-Match", etag).get("/api/dashboard?" + RANGE).then().statusCode(403);
        // a minute later the figures are computed anew ("at" changes): a new tag, the body again
        clock.set(NOW.plusSeconds(60));
        io.restassured.response.Response later = as("t-leader").header("If-None-Match", etag).get("/api/dashboard?" + RANGE);
        later.then().statusCode(200);
        assertThat(later.header("ETag")).isNotEqualTo(etag);
    }

    @Test
    void thePagesOwnDataWithItsSessionIsTheApisData() {
        String api = as("t-leader").get("/api/dashboard?" + RANGE).then().statusCode(200).extract().asString();
        String own = WebSession.as("t-leader").get("/app/dashboard/data?" + RANGE).then().statusCode(200)
                .contentType(org.hamcrest.Matchers.containsString("json")).extract().asString();
        assertThat(own.replaceAll("\"at\":\"[^\"]+\"", "")).isEqualTo(api.replaceAll("\"at\":\"[^\"]+\"", ""));
        WebSession.as("t-department").get("/app/dashboard/data?" + RANGE).then().statusCode(403);
        // the page's export links take its session (the API's do not)
        String csv = WebSession.as("t-leader").get("/app/dashboard/export?table=byUnit&format=csv&" + RANGE).then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract().asString();
        assertThat(csv).contains("测试县教育局");
        WebSession.as("t-leader").get("/api/stats/export?table=byUnit&format=csv&" + RANGE).then().statusCode(401);
        WebSession.as("t-department").get("/app/dashboard/export?table=byUnit&format=csv&" + RANGE).then().statusCode(403);
        // the session is not accepted on the API, nor Basic on the page
        WebSession.as("t-leader").get("/api/dashboard?" + RANGE).then().statusCode(401);
    }

    @Test
    void everyFigureDrillsDownToTheIncidentsBehindIt() {
        String page = WebSession.as("t-leader").get("/app/dashboard?" + RANGE).then().statusCode(200).extract().asString();
        // the charts read the same scope and drill down through it
        assertThat(page).contains("data-api=\"/app/dashboard/data?from=2026-08-03&amp;to=2026-08-05&amp;category=")
                .contains("id=\"chart-trend\"").contains("id=\"chart-units\"").contains("/static/dashboard.js");
        // escalations by step: Q was urged
        assertThat(drill("escalated-urge")).contains("看板：某路段塌陷");
        // 批示 open / done / open past the limit
        assertThat(drill("instructionOpen")).contains("看板：某小区停水").doesNotContain("看板：某村垃圾堆放");
        assertThat(drill("instructionOpenOverdue")).contains("看板：某小区停水");
        assertThat(drill("instructionDone")).contains("看板：某村垃圾堆放").doesNotContain("看板：某小区停水");
        assertThat(drill("instructionDoneLate")).contains("没有符合条件的舆情事件");
        // a grade slice and a trend day (from = to) use the ordinary drill-down
        String grade = WebSession.as("t-leader").get("/app/dashboard/incidents?" + RANGE + "&grade=IV&measure=all")
                .then().statusCode(200).extract().asString();
        assertThat(grade).contains("看板：网民议论").doesNotContain("看板：某路段塌陷");
        String day = WebSession.as("t-leader").get("/app/dashboard/incidents?from=2026-08-05&to=2026-08-05&category=" + CATEGORY
                + "&measure=all").then().statusCode(200).extract().asString();
        assertThat(day).contains("看板：网民议论").contains("看板：某村垃圾堆放").doesNotContain("看板：某小区停水");
        WebSession.as("t-leader").get("/app/dashboard/incidents?" + RANGE + "&measure=escalated-nothing").then().statusCode(400);
        WebSession.as("t-department").get("/app/dashboard/incidents?" + RANGE + "&measure=instructionOpen").then().statusCode(403);
    }

    String drill(String measure) {
        return WebSession.as("t-leader").get("/app/dashboard/incidents?" + RANGE + "&measure=" + measure)
                .then().statusCode(200).extract().asString();
    }

    @Test
    void echartsIsServedByTheApplicationAndNoPageReferencesAnotherHost() {
        String page = WebSession.as("t-leader").get("/app/dashboard?" + RANGE).then().statusCode(200).extract().asString();
        String screen = WebSession.as("t-leader").get("/app/dashboard/screen?" + RANGE).then().statusCode(200).extract().asString();
        assertThat(WebSession.as("t-leader").get("/app/dashboard?screen=1&" + RANGE).then().statusCode(200).extract().asString())
                .contains("data-screen=\"1\"");
        Matcher m = Pattern.compile("<script src=\"(/_static/echarts/[^\"]+/echarts\\.min\\.js)\"").matcher(page);
        assertThat(m.find()).as("the page loads ECharts from the application").isTrue();
        assertThat(screen).contains(m.group(1)).contains("data-refresh=\"").contains("data-screen=\"1\"");
        String js = io.restassured.RestAssured.given().get(m.group(1)).then().statusCode(200)
                .contentType(org.hamcrest.Matchers.containsString("javascript")).extract().asString();
        assertThat(js).contains("echarts").hasSizeGreaterThan(500_000);
        io.restassured.RestAssured.given().get("/static/dashboard.js").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.containsString("javascript"));
        Pattern external = Pattern.compile("(?i)(src|href|action)\\s*=\\s*\"(https?:)?//");
        assertThat(external.matcher(page).find()).as("dashboard references another host").isFalse();
        assertThat(external.matcher(screen).find()).as("大屏 references another host").isFalse();
        // no inline scripts or styles (CSP without 'unsafe-inline')
        assertThat(screen).doesNotContain("style=\"").doesNotContain("<script>");
        assertThat(page).doesNotContain("style=\"").doesNotContain("<script>");
        WebSession.as("t-department").get("/app/dashboard/screen").then().statusCode(403);
        // without a period the 大屏 asks for the default one on every fetch (it rolls over to the next month by itself)
        assertThat(WebSession.as("t-leader").get("/app/dashboard/screen").then().statusCode(200).extract().asString())
                .contains("data-api=\"/app/dashboard/data?\"");
        assertThat(WebSession.as("t-leader").get("/app/dashboard/screen?category=" + CATEGORY).then().statusCode(200)
                .extract().asString()).contains("data-api=\"/app/dashboard/data?category=");
    }
}
