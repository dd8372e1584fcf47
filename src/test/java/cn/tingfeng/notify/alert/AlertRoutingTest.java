package cn.tingfeng.notify.alert;

import static cn.tingfeng.testsupport.TestAccounts.as;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tingfeng.notify.DingTalkSigner;
import cn.tingfeng.notify.ZeroReport;
import cn.tingfeng.post.PostStore;
import cn.tingfeng.source.Source;
import cn.tingfeng.testsupport.MutableClock;
import cn.tingfeng.testsupport.TestAccounts;
import cn.tingfeng.testsupport.TestSources;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import jakarta.transaction.Transactional;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Alert routing against a real SMTP server (GreenMail) and a local HTTP receiver for robot webhooks: quiet hours
 * defer (and the deferred alert goes out when they end), 钉钉 messages are signed, the rate limit defers, nothing
 * is ever sent twice; the 定时零汇报 goes out when nothing was found.
 */
@QuarkusTest
@TestProfile(SmtpProfile.class)
class AlertRoutingTest {
    static GreenMail smtp;
    static WebhookReceiver robots;

    @Inject
    PostStore store;
    @Inject
    TestSources testSources;
    @Inject
    AlertDispatcher dispatcher;
    @Inject
    ZeroReportService zeroReports;
    @Inject
    MutableClock clock;
    @Inject
    AlertRouteRepository routes;
    @Inject
    AlertDeliveryRepository deliveries;

    @BeforeAll
    static void start() throws Exception {
        smtp = new GreenMail(new ServerSetup(SmtpProfile.PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        robots = new WebhookReceiver();
    }

    @AfterAll
    static void stop() {
        smtp.stop();
        robots.close();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }



    long route(Long plan, String channel, String target, Map<String, Object> more) {
        Map<String, Object> body = new HashMap<>(more);
        body.put("planId", plan);
        body.put("channel", channel);
        body.put("target", target);
        body.putIfAbsent("zeroReport", false);
        return as("t-admin").body(body).post("/api/alert-routes").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void routesHonourQuietHoursSignaturesRateLimitsAndNeverSendTwice() throws Exception {
        String key = "route-" + UUID.randomUUID();
        Source src = testSources.create(key);
        long plan = as("t-analyst").body(Map.of("name", "路由-" + key, "rule", "燕尾港 AND (泄漏 OR 溺亡)",
                "sources", List.of(src.key))).post("/api/plans").then().statusCode(201).extract().jsonPath().getLong("id");
        String ding = "/ding/" + key;
        String wecom = "/wecom/" + key;
        route(plan, "EMAIL", "duty-" + key.substring(6, 14) + "@example.cn", Map.of());
        route(plan, "DINGTALK", robots.url(ding), Map.of("secret", "SEC-test-秘钥", "quietStart", "22:00",
                "quietEnd", "07:00", "majorBypassesQuiet", false));
        route(plan, "WECOM", robots.url(wecom), Map.of("rateMax", 1, "rateWindowSeconds", 600));
        as("t-analyst").get("/api/alert-routes?plan=" + plan).then().statusCode(200)
                .body("find { it.channel == 'DINGTALK' }.signed", org.hamcrest.Matchers.equalTo(true))
                .body("find { it.channel == 'DINGTALK' }.secret", org.hamcrest.Matchers.nullValue());

        // 23:30 in Shanghai: quiet for 钉钉, not for e-mail and 企业微信
        Instant night = Instant.parse("2031-04-14T15:30:00Z");
        clock.set(night);
        store.store(new PostStore.Incoming(src, "https://news.example.cn/" + key + "/1", "灌云县燕尾港镇一码头发生液氨泄漏",
                "灌云县燕尾港镇一码头今晚发生液氨泄漏，刺鼻气味弥漫，附近居民被紧急疏散。<b>消防</b>正在处置，暂无人员伤亡。",
                "网友", night.minus(Duration.ofMinutes(10)), "web", null));
        assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(mail.getSubject()).isEqualTo("【新舆情】灌云县燕尾港镇一码头发生液氨泄漏");
        assertThat(mail.getAllRecipients()[0].toString()).startsWith("duty-");
        assertThat((String) mail.getContent()).contains("液氨泄漏");
        assertThat(robots.at(wecom)).hasSize(1);
        assertThat(robots.at(wecom).get(0).body()).contains("\"msgtype\":\"markdown\"").contains("燕尾港");
        assertThat(robots.at(ding)).isEmpty();

        // a second happening within the rate window: e-mail goes, 企业微信 waits for its slot
        clock.set(night.plus(Duration.ofMinutes(2)));
        store.store(new PostStore.Incoming(src, "https://news.example.cn/" + key + "/2", "燕尾港海滩一游客溺亡",
                "今天傍晚，燕尾港海滨浴场一名游客下海游泳时溺亡，家属质疑景区救生员不在岗，现场没有任何警示标志。",
                "网友", night.plus(Duration.ofMinutes(1)), "web", null));
        assertThat(smtp.waitForIncomingEmail(5000, 2)).isTrue();
        assertThat(robots.at(wecom)).hasSize(1);

        // nothing twice, however often the dispatcher runs
        dispatcher.dispatchDue();
        dispatcher.dispatchDue();
        assertThat(smtp.getReceivedMessages()).hasSize(2);
        assertThat(robots.at(wecom)).hasSize(1);
        assertThat(robots.at(ding)).isEmpty();

        // the rate window passes: the waiting 企业微信 message goes out
        clock.set(night.plus(Duration.ofMinutes(13)));
        dispatcher.dispatchDue();
        assertThat(robots.at(wecom)).hasSize(2);
        assertThat(robots.at(ding)).isEmpty();

        // 07:00 in Shanghai: quiet hours are over, the deferred 钉钉 messages go out, signed
        Instant morning = Instant.parse("2031-04-14T23:00:30Z");
        clock.set(morning);
        dispatcher.dispatchDue();
        dispatcher.dispatchDue();
        assertThat(robots.at(ding)).hasSize(2);
        for (WebhookReceiver.Received r : robots.at(ding)) {
            Map<String, String> q = query(r.query());
            assertThat(q.get("timestamp")).isEqualTo(String.valueOf(morning.toEpochMilli()));
            assertThat(q.get("sign")).isEqualTo(URLDecoder.decode(DingTalkSigner.sign(morning.toEpochMilli(), "SEC-test-秘钥"),
                    StandardCharsets.UTF_8));
            assertThat(r.body()).contains("\"title\":\"新舆情：");
        }
        assertThat(smtp.getReceivedMessages()).hasSize(2);
        assertThat(robots.at(wecom)).hasSize(2);
        as("t-analyst").get("/api/alerts?size=200").then().statusCode(200)
                .body("findAll { it.title == '燕尾港海滩一游客溺亡' }.deliveries.flatten().status.unique()",
                        org.hamcrest.Matchers.equalTo(List.of("sent")));
    }

    @Test
    void theZeroReportGoesOutAtItsTimeEvenWhenNothingWasFound() {
        String path = "/zero/" + UUID.randomUUID();
        route(null, "WECOM", robots.url(path), Map.of("zeroReport", true));
        // 09:05 in Shanghai on a day when nothing happened
        clock.set(Instant.parse("2033-07-19T01:05:00Z"));
        assertThat(zeroReports.runDue()).isPresent();
        assertThat(zeroReports.runDue()).as("each period once").isEmpty();
        dispatcher.dispatchDue();
        assertThat(robots.at(path)).singleElement().satisfies(r -> assertThat(r.body())
                .contains(ZeroReport.NOTHING_FOUND).contains("2033年7月18日 17:00—2033年7月19日 09:00"));
        // long after the report time nothing is sent (a restart does not send stale reports)
        clock.set(Instant.parse("2033-07-19T05:00:00Z"));
        assertThat(zeroReports.runDue()).isEmpty();
    }

    @Test
    void webhookTargetsOnLoopbackMetadataOrPrivateAddressesAreRefusedWithA400NamingTheField() {
        for (String target : List.of("http://169.254.169.254/latest/meta-data/", "http://localhost:" + robots.port() + "/x",
                "http://127.0.0.2:" + robots.port() + "/x", "http://[::1]:8080/x", "http://10.0.0.7/robot",
                "http://0.0.0.0:8080/", "http://192.168.1.1/cgi-bin/webhook/send?key=k")) {
            as("t-admin").body(Map.of("channel", "WECOM", "target", target)).post("/api/alert-routes").then()
                    .statusCode(400)
                    .body("details[0].field", org.hamcrest.Matchers.equalTo("target"))
                    .body("details[0].message", org.hamcrest.Matchers.containsString("不允许"));
        }
        // the explicit allow-list (%test: 127.0.0.1) lets an intranet robot through
        disable(route(null, "WECOM", robots.url("/allowed/" + UUID.randomUUID()), Map.of()));
    }

    @Test
    void aStoredRouteToAnInternalTargetIsRefusedWhenSendingAndRecordedAsFailed() {
        String path = "/refused/" + UUID.randomUUID();
        long id = route(null, "WECOM", robots.url(path), Map.of("zeroReport", true));
        // saved before the guard existed (or the allow-list changed since): localhost is not on the allow-list
        retarget(id, "http://localhost:" + robots.port() + path);
        clock.set(Instant.parse("2034-08-21T01:05:00Z"));
        try {
            assertThat(zeroReports.runDue()).isPresent();
            dispatcher.dispatchDue();
        } finally {
            disable(id); // a route for every plan: the other tests' alerts must not meet it
        }
        assertThat(robots.at(path)).as("requests that reached the loopback robot").isEmpty();
        assertThat(deliveriesOf(id)).singleElement().satisfies(d -> {
            assertThat(d.status).isEqualTo(AlertDelivery.FAILED);
            assertThat(d.lastError).contains("拒绝").contains("localhost");
        });
    }

    void disable(long routeId) {
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> routes.findById(routeId).enabled = false);
    }

    void retarget(long routeId, String target) {
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> routes.findById(routeId).target = target);
    }

    List<AlertDelivery> deliveriesOf(long routeId) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> deliveries.list("routeId", routeId));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        for (String kv : raw.split("&")) {
            String[] p = kv.split("=", 2);
            out.put(p[0], URLDecoder.decode(p[1], StandardCharsets.UTF_8));
        }
        return out;
    }
}
