package cn.tingfeng.notify;

import cn.tingfeng.shared.Grade;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class NotifyTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant NOON = Instant.parse("2026-11-21T04:00:00Z"); // 12:00 in Shanghai
    private static final Instant NIGHT = Instant.parse("2026-11-21T15:30:00Z"); // 23:30 in Shanghai

    private static Alert alert(Alert.Kind kind, Grade grade, String episode) {
        return new Alert(kind, "inc-42", "连云港一化工园区发生爆炸", grade, "重大突发事件",
                "连云港某化工园区一企业发生爆炸，已造成15人遇难。", "https://tingfeng.example/incidents/42", NOON, episode);
    }

    @Test
    void dingTalkSignatureMatchesAnIndependentHmacComputation() {
        // reference: printf '1700000000000\nSEC0123456789abcdef' | openssl dgst -sha256 -hmac SEC0123456789abcdef -binary | base64
        assertThat(DingTalkSigner.sign(1_700_000_000_000L, "SEC0123456789abcdef"))
                .isEqualTo("TSZbRFUuvaSQaRKUpF970OPCb2%2FLcQAP3wOvwZIzBZk%3D");
        assertThat(DingTalkSigner.signedUrl("https://oapi.dingtalk.com/robot/send?access_token=abc", "SEC0123456789abcdef",
                Instant.ofEpochMilli(1_700_000_000_000L)))
                .isEqualTo("https://oapi.dingtalk.com/robot/send?access_token=abc&timestamp=1700000000000"
                        + "&sign=TSZbRFUuvaSQaRKUpF970OPCb2%2FLcQAP3wOvwZIzBZk%3D");
    }

    @Test
    void robotBodiesAreMarkdownJsonWithTheAlertDetails() throws Exception {
        RobotMessages m = new RobotMessages(SHANGHAI);
        Alert a = alert(Alert.Kind.NEW_INCIDENT, Grade.II, null);
        JsonNode wecom = new ObjectMapper().readTree(m.weComBody(a));
        assertThat(wecom.get("msgtype").asText()).isEqualTo("markdown");
        assertThat(wecom.at("/markdown/content").asText()).contains("【新舆情】连云港一化工园区发生爆炸")
                .contains("II 级（重大）").contains("2026-11-21 12:00").contains("[查看详情](https://tingfeng.example/incidents/42)");
        JsonNode ding = new ObjectMapper().readTree(m.dingTalkBody(a));
        assertThat(ding.at("/markdown/title").asText()).isEqualTo("新舆情：连云港一化工园区发生爆炸");
        assertThat(ding.at("/markdown/text").asText()).contains("15人遇难");
    }

    @Test
    void untrustedTextCannotInjectMarkdownAndWeComContentIsCutTo4096Bytes() throws Exception {
        RobotMessages m = new RobotMessages(SHANGHAI);
        Alert evil = new Alert(Alert.Kind.RISING, "i", "标题\n### [点我](http://evil.example)", null, null,
                "很长".repeat(3000), null, NOON, "e");
        String content = new ObjectMapper().readTree(m.weComBody(evil)).at("/markdown/content").asText();
        assertThat(content).doesNotContain("\n### [点我]").contains("\\[点我\\]");
        assertThat(content.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(RobotMessages.WECOM_MAX_BYTES);
        assertThat(content).endsWith("…");
    }

    @Test
    void quietHoursCrossMidnightAndEndInTheMorning() {
        QuietHours q = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0), SHANGHAI);
        assertThat(q.isQuiet(NOON)).isFalse();
        assertThat(q.isQuiet(NIGHT)).isTrue();
        assertThat(q.isQuiet(Instant.parse("2026-11-20T22:59:00Z"))).isTrue(); // 06:59
        assertThat(q.isQuiet(Instant.parse("2026-11-20T23:00:00Z"))).isFalse(); // 07:00
        assertThat(q.nextAllowed(NIGHT)).isEqualTo(Instant.parse("2026-11-21T23:00:00Z"));
        assertThat(QuietHours.none(SHANGHAI).isQuiet(NIGHT)).isFalse();
    }

    @Test
    void gateDefersInQuietHoursButLetsMajorAlertsThroughWhenAllowed() {
        AlertGate gate = new AlertGate(Clock.fixed(NIGHT, ZoneOffset.UTC));
        QuietHours q = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0), SHANGHAI);
        Route route = new Route("r1", Route.Channel.DINGTALK, q, new RateLimiter.Limit(20, Duration.ofMinutes(1)), true);
        AlertGate.Decision minor = gate.admit(alert(Alert.Kind.NEW_INCIDENT, Grade.IV, null), route);
        assertThat(minor.outcome()).isEqualTo(AlertGate.Outcome.DEFER_QUIET_HOURS);
        assertThat(minor.notBefore()).isEqualTo(Instant.parse("2026-11-21T23:00:00Z"));
        assertThat(gate.admit(alert(Alert.Kind.REGRADE_UP, Grade.I, null), route).send()).isTrue();
        Route strict = new Route("r2", Route.Channel.WECOM, q, new RateLimiter.Limit(20, Duration.ofMinutes(1)), false);
        assertThat(gate.admit(alert(Alert.Kind.REGRADE_UP, Grade.I, null), strict).outcome())
                .isEqualTo(AlertGate.Outcome.DEFER_QUIET_HOURS);
    }

    @Test
    void theSameAlertIsNeverSentTwiceButANewEpisodeIs() {
        AlertGate gate = new AlertGate(Clock.fixed(NOON, ZoneOffset.UTC));
        Route route = new Route("r1", Route.Channel.WECOM, QuietHours.none(SHANGHAI),
                new RateLimiter.Limit(20, Duration.ofMinutes(1)), false);
        assertThat(gate.admit(alert(Alert.Kind.NEW_INCIDENT, Grade.III, null), route).send()).isTrue();
        assertThat(gate.admit(alert(Alert.Kind.NEW_INCIDENT, Grade.III, null), route).outcome())
                .isEqualTo(AlertGate.Outcome.DUPLICATE);
        assertThat(gate.admit(alert(Alert.Kind.REGRADE_UP, Grade.II, null), route).send()).isTrue();
        assertThat(gate.admit(alert(Alert.Kind.REGRADE_UP, Grade.II, null), route).outcome())
                .isEqualTo(AlertGate.Outcome.DUPLICATE);
        assertThat(gate.admit(alert(Alert.Kind.REGRADE_UP, Grade.I, null), route).send()).isTrue();
        assertThat(gate.admit(alert(Alert.Kind.RISING, null, "2026-11-21T03:00Z"), route).send()).isTrue();
        assertThat(gate.admit(alert(Alert.Kind.RISING, null, "2026-11-21T09:00Z"), route).send()).isTrue();
        assertThat(AlertKey.of(alert(Alert.Kind.NEW_INCIDENT, Grade.III, null), "r1"))
                .isNotEqualTo(AlertKey.of(alert(Alert.Kind.NEW_INCIDENT, Grade.III, null), "r2"));
    }

    @Test
    void rateLimitDefersUntilTheWindowFreesASlot() {
        MutableClock clock = new MutableClock(NOON);
        AlertGate gate = new AlertGate(clock);
        Route route = new Route("r1", Route.Channel.DINGTALK, QuietHours.none(SHANGHAI),
                new RateLimiter.Limit(2, Duration.ofMinutes(1)), false);
        assertThat(gate.admit(alert(Alert.Kind.RISING, null, "1"), route).send()).isTrue();
        clock.now = NOON.plusSeconds(10);
        assertThat(gate.admit(alert(Alert.Kind.RISING, null, "2"), route).send()).isTrue();
        clock.now = NOON.plusSeconds(20);
        AlertGate.Decision third = gate.admit(alert(Alert.Kind.RISING, null, "3"), route);
        assertThat(third.outcome()).isEqualTo(AlertGate.Outcome.DEFER_RATE_LIMIT);
        assertThat(third.notBefore()).isEqualTo(NOON.plusSeconds(60));
        clock.now = NOON.plusSeconds(60);
        assertThat(gate.admit(alert(Alert.Kind.RISING, null, "3"), route).send()).isTrue();
    }

    @Test
    void zeroReportSaysNothingNewWasFoundForThePeriod() {
        Instant from = Instant.parse("2026-11-21T00:00:00Z");
        Instant to = Instant.parse("2026-11-21T04:00:00Z");
        assertThat(ZeroReport.text("连云港市", from, to, SHANGHAI))
                .isEqualTo("【定时零汇报】连云港市 2026年11月21日 08:00—12:00：本时段未发现新的涉我市负面舆情。");
        AlertGate gate = new AlertGate(Clock.fixed(to, ZoneOffset.UTC));
        Route route = new Route("r1", Route.Channel.EMAIL, QuietHours.none(SHANGHAI),
                new RateLimiter.Limit(20, Duration.ofMinutes(1)), false);
        assertThat(gate.admit(ZeroReport.alert("连云港市", from, to, SHANGHAI), route).send()).isTrue();
        assertThat(gate.admit(ZeroReport.alert("连云港市", from, to, SHANGHAI), route).send()).isFalse();
        assertThat(gate.admit(ZeroReport.alert("连云港市", to, to.plusSeconds(14400), SHANGHAI), route).send()).isTrue();
    }

    static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
