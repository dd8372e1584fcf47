package cn.tingfeng.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CountdownFormatTest {
    static final Instant TARGET = Instant.parse("2030-09-12T06:00:00Z");
    static final Instant LIMIT = TARGET.plus(Duration.ofHours(2));

    static CountdownFormat.Countdown at(Duration fromTarget) {
        return CountdownFormat.of(TARGET, LIMIT, null, null, TARGET.plus(fromTarget));
    }

    @Test
    void greenBeforeTheTargetWithHoursAndMinutesRoundedDown() {
        CountdownFormat.Countdown c = at(Duration.ofMinutes(-135).plusSeconds(-59));
        assertThat(c.text()).isEqualTo("还剩 2 小时 15 分");
        assertThat(c.css()).isEqualTo("cd-green");
        assertThat(c.running()).isTrue();
        assertThat(at(Duration.ofSeconds(-30)).text()).isEqualTo("还剩 不到 1 分");
        assertThat(at(Duration.ofHours(-50)).text()).isEqualTo("还剩 2 天 2 小时");
        assertThat(at(Duration.ofHours(-48)).text()).isEqualTo("还剩 2 天");
        assertThat(at(Duration.ofHours(-3)).text()).isEqualTo("还剩 3 小时");
    }

    @Test
    void amberFromTheTargetInstantUntilTheLimit() {
        assertThat(at(Duration.ZERO).css()).isEqualTo("cd-amber");
        CountdownFormat.Countdown c = at(Duration.ofMinutes(40));
        assertThat(c.text()).isEqualTo("已超目标时限 40 分，距最迟时限还剩 1 小时 20 分");
        assertThat(c.css()).isEqualTo("cd-amber");
    }

    @Test
    void redAfterTheLimit() {
        CountdownFormat.Countdown c = at(Duration.ofMinutes(160));
        assertThat(c.text()).isEqualTo("已超时 40 分");
        assertThat(c.css()).isEqualTo("cd-red");
    }

    @Test
    void metAndStoppedClocksHaveNoCountdownAndShowBeijingTime() {
        CountdownFormat.Countdown met = CountdownFormat.of(TARGET, LIMIT, TARGET.minusSeconds(600), null, TARGET.plusSeconds(99_999));
        assertThat(met.text()).isEqualTo("已于 2030-09-12 13:50 完成");
        assertThat(met.running()).isFalse();
        CountdownFormat.Countdown stopped = CountdownFormat.of(TARGET, LIMIT, null, TARGET.minusSeconds(3600), TARGET.plusSeconds(99_999));
        assertThat(stopped.text()).isEqualTo("已停止（未完成），计时止于 2030-09-12 13:00");
        assertThat(stopped.css()).isEqualTo("cd-stopped");
        assertThat(stopped.running()).isFalse();
    }
}
