package cn.tingfeng.security.login;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tingfeng.security.PasswordPolicy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The pure parts of sign-in: throttle decisions, password rules, device cookies, the credential cache. */
class SignInPoliciesTest {
    private static final Instant T = Instant.parse("2026-12-01T08:00:00Z");
    private final ThrottlePolicy policy = new ThrottlePolicy(5, 20, Duration.ofMinutes(15));

    @Test
    void anAccountIsLockedAfterFiveFailuresForFifteenMinutesAfterTheLastOne() {
        var four = new ThrottlePolicy.Counts(4, T, 4, T, 0, null);
        assertThat(policy.lock(four, false, T.plusSeconds(1))).isEmpty();
        var five = new ThrottlePolicy.Counts(5, T, 5, T, 0, null);
        assertThat(policy.lock(five, false, T.plusSeconds(1))).hasValueSatisfying(l -> {
            assertThat(l.scope()).isEqualTo("account");
            assertThat(l.until()).isEqualTo(T.plus(Duration.ofMinutes(15)));
        });
        assertThat(policy.lock(five, false, T.plus(Duration.ofMinutes(15)))).isEmpty();
    }

    @Test
    void anAddressIsLockedAfterTwentyFailuresOverAnyAccounts() {
        var spread = new ThrottlePolicy.Counts(1, T, 20, T, 0, null);
        assertThat(policy.lock(spread, false, T)).hasValueSatisfying(l -> assertThat(l.scope()).isEqualTo("address"));
    }

    @Test
    void aKnownDeviceIsNotHeldByTheAccountOrAddressLockButHasItsOwnCount() {
        var attacked = new ThrottlePolicy.Counts(50, T, 200, T, 0, null);
        assertThat(policy.lock(attacked, true, T)).isEmpty();
        var ownMistakes = new ThrottlePolicy.Counts(50, T, 200, T, 5, T);
        assertThat(policy.lock(ownMistakes, true, T)).hasValueSatisfying(l -> assertThat(l.scope()).isEqualTo("device"));
    }

    @Test
    void passwordsThatAreShortCommonRunsOrTheUserNameAreRefused() {
        PasswordPolicy p = PasswordPolicy.shipped(10);
        assertThat(p.problems("短密码1", "zhang")).anyMatch(m -> m.contains("至少需要 10 个字符"));
        assertThat(p.problems("password123", "zhang")).anyMatch(m -> m.contains("最常见"));
        assertThat(p.problems("P@ssw0rd2026", "zhang")).anyMatch(m -> m.contains("最常见"));
        assertThat(p.problems("woaini1314!!", "zhang")).anyMatch(m -> m.contains("最常见"));
        assertThat(p.problems("Tingfeng@2026", "zhang")).anyMatch(m -> m.contains("最常见"));
        assertThat(p.problems("1234567890", "zhang")).isNotEmpty();
        assertThat(p.problems("qwertyuiop", "zhang")).isNotEmpty();
        assertThat(p.problems("123456789a", "zhang")).isNotEmpty();
        assertThat(p.problems("xqwerty1234", "zhang")).isNotEmpty();
        assertThat(p.problems("zxcvbnm,./!", "zhang")).isNotEmpty();
        assertThat(p.problems("aaaaaaaaaaaa", "zhang")).anyMatch(m -> m.contains("重复"));
        assertThat(p.problems("zhangsan-2026-x", "zhangsan")).anyMatch(m -> m.contains("用户名"));
        assertThat(p.problems("a\u0000bcdefghijk", "zhang")).anyMatch(m -> m.contains("控制字符"));
        assertThat(p.problems("汉".repeat(25), "zhang")).anyMatch(m -> m.contains("72 个字节"));
        assertThat(p.problems("灌云县教育局-值班2026", "jyj")).isEmpty();
        assertThat(p.problems("correct horse battery", "zhang")).isEmpty();
    }

    @Test
    void deviceCookiesAreBoundToTheAccountSignedAndExpire() {
        KnownDevices devices = new KnownDevices("k".repeat(32).getBytes(StandardCharsets.UTF_8));
        String cookie = devices.issue("zhang", T);
        assertThat(devices.knows(cookie, "zhang", T.plus(Duration.ofDays(30)))).isTrue();
        assertThat(devices.knows(cookie, "li", T)).isFalse();
        assertThat(devices.knows(cookie, "zhang", T.plus(KnownDevices.VALIDITY))).isFalse();
        String[] parts = cookie.split("\\.");
        String forged = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("li".getBytes(StandardCharsets.UTF_8))
                + "." + parts[1] + "." + parts[2];
        assertThat(devices.knows(forged, "li", T)).isFalse();
        assertThat(new KnownDevices("x".repeat(32).getBytes(StandardCharsets.UTF_8)).knows(cookie, "zhang", T)).isFalse();
        assertThat(devices.knows("garbage", "zhang", T)).isFalse();
    }

    @Test
    void theCredentialCacheRemembersOnlyTheExactPairUntilItsTtl() {
        MovingClock clock = new MovingClock();
        CredentialCache cache = new CredentialCache(clock, Duration.ofSeconds(60));
        cache.put("zhang", "right-password", 7L, "$2a$hash");
        assertThat(cache.get("zhang", "right-password")).hasValueSatisfying(e -> assertThat(e.userId()).isEqualTo(7L));
        assertThat(cache.get("zhang", "right-passwore")).isEmpty();
        assertThat(cache.get("zhan", "gright-password")).isEmpty();
        clock.now = clock.now.plusSeconds(61);
        assertThat(cache.get("zhang", "right-password")).isEmpty();
        cache.put("zhang", "right-password", 7L, "$2a$hash");
        cache.forget(7L);
        assertThat(cache.get("zhang", "right-password")).isEmpty();
        assertThat(new CredentialCache(clock, Duration.ZERO).get("zhang", "right-password")).isEmpty();
    }

    private static final class MovingClock extends Clock {
        Instant now = T;

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
