package cn.tingfeng.web;

import static cn.tingfeng.web.WebSession.as;
import static cn.tingfeng.web.WebSession.csrf;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tingfeng.testsupport.TestSources;
import cn.tingfeng.testsupport.MutableClock;
import cn.tingfeng.testsupport.TestAccounts;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Cross-site request forgery against the web UI, as a page on another port of the same host would send it (browsers
 * count other ports as the same site, so SameSite=Strict cookies ride along): refused by the browser's own origin
 * headers and by the session's token; the API with Basic auth stays usable for scripts. The same attack driven by
 * a real Chromium is {@code CsrfBrowserTest}.
 */
@QuarkusTest
class CsrfTest {
    @Inject
    TestSources testSources;
    @Inject
    MutableClock clock;

    @TestHTTPResource("/")
    URL app;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    long newIncident() {
        String tag = "跨站测试" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "");
        Instant now = Instant.parse("2030-11-12T06:00:00Z");
        clock.set(now);
        return testSources.explosionIncident(tag, tag + "化工园区发生爆炸 已致2人死亡", tag + "化工园区今天凌晨发生爆炸，事故造成2人死亡。",
                now.minus(Duration.ofMinutes(30)));
    }

    private String own() {
        return "http://" + app.getHost() + ":" + app.getPort();
    }

    @Test
    void aFormOnAnotherPortOfTheSameHostCannotDismissAnIncident() {
        long id = newIncident();
        String before = testSources.incidentStatus(id);
        String evil = "http://" + app.getHost() + ":" + (app.getPort() + 1);
        // what a browser sends for a form on http://host:otherport posting here (no token: the page cannot read it)
        as("t-analyst").contentType("application/x-www-form-urlencoded").header("Origin", evil).header("Sec-Fetch-Site", "same-site")
                .formParam("reason", "跨站提交").post("/app/incidents/" + id + "/dismiss").then().statusCode(403);
        // an older browser without Fetch Metadata, or one that hides Origin: still no token
        as("t-analyst").contentType("application/x-www-form-urlencoded").formParam("reason", "跨站提交")
                .post("/app/incidents/" + id + "/dismiss").then().statusCode(403);
        // a token from another session (the attacker's own account) is not this session's token
        as("t-analyst").contentType("application/x-www-form-urlencoded").formParam("_csrf", csrf("t-leader"))
                .formParam("reason", "跨站提交").post("/app/incidents/" + id + "/dismiss").then().statusCode(403);
        // even with the right token, another origin is refused
        as("t-analyst").contentType("application/x-www-form-urlencoded").header("Origin", evil)
                .formParam("_csrf", csrf("t-analyst")).formParam("reason", "跨站提交")
                .post("/app/incidents/" + id + "/dismiss").then().statusCode(403);
        assertThat(testSources.incidentStatus(id)).isEqualTo(before);

        // the application's own page: its origin, its token
        as("t-analyst").contentType("application/x-www-form-urlencoded").header("Origin", own()).header("Sec-Fetch-Site", "same-origin")
                .formParam("_csrf", csrf("t-analyst")).formParam("reason", "经核实为重复信息")
                .post("/app/incidents/" + id + "/dismiss").then().statusCode(303);
        assertThat(testSources.incidentStatus(id)).isEqualTo("dismissed");
    }

    @Test
    void theRefusalIsAChinesePageAndEveryPostFormCarriesTheToken() {
        String page = as("t-analyst").contentType("application/x-www-form-urlencoded").header("Sec-Fetch-Site", "cross-site")
                .post("/app/alerts/1/ack").then().statusCode(403).extract().asString();
        assertThat(page).contains("请求已拒绝").contains("lang=\"zh-CN\"");
        long id = newIncident();
        String html = as("t-analyst").get("/app/incidents/" + id).then().statusCode(200).extract().asString();
        String token = csrf("t-analyst");
        int forms = html.split("method=\"post\"", -1).length - 1;
        int tokens = html.split("name=\"_csrf\" value=\"" + token + "\"", -1).length - 1;
        assertThat(forms).isGreaterThan(3);
        assertThat(tokens).isEqualTo(forms);
    }

    @Test
    void scriptsWithBasicAuthNeedNoTokenButABrowserSentCrossSiteRequestIsRefused() {
        TestAccounts.as("t-analyst").contentType("application/json").body(Map.of("rule", "连云港 AND 爆炸"))
                .post("/api/plans/check").then().statusCode(org.hamcrest.Matchers.not(403));
        TestAccounts.as("t-analyst").contentType("application/json").header("Sec-Fetch-Site", "cross-site")
                .body(Map.of("name", "跨站", "rule", "连云港 AND 爆炸")).post("/api/plans").then().statusCode(403)
                .body("error", org.hamcrest.Matchers.equalTo("csrf"));
    }
}
