package cn.tingfeng.tracking;

import static cn.tingfeng.tracking.TrackingApi.assign;
import static cn.tingfeng.tracking.TrackingApi.createIncident;
import static cn.tingfeng.tracking.TrackingApi.sweep;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tingfeng.testsupport.MutableClock;
import cn.tingfeng.testsupport.TestAccounts;
import cn.tingfeng.tracking.notify.WebhookSender;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Supervision records reach a real local SMTP server (GreenMail) and local 企业微信 / 钉钉 receivers, once each. */
@QuarkusTest
@TestProfile(NotificationTest.Profile.class)
class NotificationTest {
    static final int SMTP = freePort();
    static final int HTTP = freePort();
    static final String SECRET = "SECtest-secret";
    static final Instant START = Instant.parse("2026-11-30T01:00:00Z");

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> m = new java.util.HashMap<>(Map.ofEntries(
                    Map.entry("quarkus.mailer.mock", "false"),
                    Map.entry("quarkus.mailer.host", "127.0.0.1"),
                    Map.entry("quarkus.mailer.port", String.valueOf(SMTP)),
                    Map.entry("quarkus.mailer.start-tls", "DISABLED"),
                    Map.entry("quarkus.mailer.from", "tingfeng@test.local"),
                    Map.entry("tracking.notify.unit-email.\"测试县教育局\"", "edu@test.local"),
                    Map.entry("tracking.notify.unit-leader-email.\"测试县教育局\"", "edu-head@test.local"),
                    Map.entry("tracking.notify.analyst-email", "wxb@test.local"),
                    Map.entry("tracking.notify.supervision-office-email", "dcs@test.local"),
                    Map.entry("tracking.notify.wecom-url", "http://127.0.0.1:" + HTTP + "/wecom?key=k1"),
                    Map.entry("tracking.notify.dingtalk-url", "http://127.0.0.1:" + HTTP + "/dingtalk?access_token=t1"),
                    Map.entry("tracking.notify.dingtalk-secret", SECRET)));
            return m;
        }
    }

    record Hook(String path, String query, String body) {
    }

    static GreenMail mail;
    static HttpServer receiver;
    static final List<Hook> hooks = new CopyOnWriteArrayList<>();

    @Inject
    MutableClock clock;
    @Inject
    TestAccounts accounts;

    @BeforeAll
    static void start() throws IOException {
        mail = new GreenMail(new ServerSetup(SMTP, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", HTTP), 0);
        receiver.createContext("/", ex -> {
            hooks.add(new Hook(ex.getRequestURI().getPath(), ex.getRequestURI().getRawQuery(),
                    new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            byte[] ok = "{\"errcode\":0,\"errmsg\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, ok.length);
            ex.getResponseBody().write(ok);
            ex.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stop() {
        mail.stop();
        receiver.stop(0);
    }

    @AfterEach
    void reset() {
        clock.reset();
    }

    @Test
    void eachSupervisionRecordIsMailedAndPostedOnce() throws Exception {
        String title = "通知测试" + System.nanoTime();
        clock.set(START);
        long i = createIncident(title, "II", START);
        assign(i, accounts.unitId(), "lead");
        clock.set(START.plus(Duration.ofMinutes(21))); // ack reminder (10 min before the 30 min target)
        sweep();
        sweep();
        List<MimeMessage> reminders = about(title);
        assertThat(reminders).hasSize(1);
        assertThat(reminders.get(0).getSubject()).startsWith("【到期提醒】测试县教育局");
        assertThat(addresses(reminders.get(0))).containsExactly("edu@test.local");
        assertThat(GreenMailUtil.getBody(reminders.get(0))).isNotBlank();
        assertThat(hooksAbout(title, "/wecom")).hasSize(1);
        assertThat(hooksAbout(title, "/dingtalk")).hasSize(1);

        clock.set(START.plus(Duration.ofMinutes(61))); // 催办 at 30 min and 督办 at 1 h, both due now
        sweep();
        List<MimeMessage> all = about(title);
        assertThat(all).hasSize(3);
        MimeMessage supervise = all.stream().filter(m -> subject(m).startsWith("【督办】")).findFirst().orElseThrow();
        assertThat(addresses(supervise)).contains("edu@test.local", "edu-head@test.local", "dcs@test.local", "wxb@test.local");
        assertThat(hooksAbout(title, "/wecom")).hasSize(3);
        List<Hook> ding = hooksAbout(title, "/dingtalk");
        assertThat(ding).hasSize(3);
        for (Hook h : ding) {
            Map<String, String> q = query(h.query());
            assertThat(q.get("access_token")).isEqualTo("t1");
            assertThat(q.get("sign")).isEqualTo(WebhookSender.dingtalkSign(Long.parseLong(q.get("timestamp")), SECRET));
            assertThat(h.body()).contains("\"msgtype\":\"text\"");
        }
    }

    List<MimeMessage> about(String title) {
        mail.waitForIncomingEmail(2000, 1);
        return Arrays.stream(mail.getReceivedMessages()).filter(m -> subject(m).contains(title))
                // one SMTP delivery per recipient: keep one copy per message id
                .collect(java.util.stream.Collectors.toMap(NotificationTest::messageId, m -> m, (a, b) -> a,
                        java.util.LinkedHashMap::new)).values().stream().toList();
    }

    static List<Hook> hooksAbout(String title, String path) {
        return hooks.stream().filter(h -> h.path().equals(path) && h.body().contains(title)).toList();
    }

    static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String messageId(MimeMessage m) {
        try {
            return m.getMessageID();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> addresses(MimeMessage m) throws Exception {
        return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).map(Object::toString).toList();
    }

    static Map<String, String> query(String raw) {
        return Arrays.stream(raw.split("&")).map(p -> p.split("=", 2))
                .collect(java.util.stream.Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
