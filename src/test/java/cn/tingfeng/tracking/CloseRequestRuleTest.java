package cn.tingfeng.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tingfeng.tracking.sla.Obligation;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CloseRequestRuleTest {
    static final Instant T = Instant.parse("2030-01-01T00:00:00Z");

    static ObligationClock clock(String key, Obligation o, Instant metAt) {
        return new ObligationClock(key, o, null, false, metAt == null ? ClockStatus.PENDING : ClockStatus.MET, T,
                T.plusSeconds(3600), T.plusSeconds(7200), metAt, null, "rule", null, null);
    }

    static AssignmentClocks of(ObligationClock... clocks) {
        return new AssignmentClocks("v1", AssignmentRole.LEAD, AssignmentState.ACTIVE, T, List.of(clocks), null);
    }

    @Test
    void refusesACloseRequestWhileTheDueAuthoritativeResponseIsMissing() {
        assertThat(CloseRequestRule.refusal(of(clock("ack", Obligation.ACK, T), clock("firstResponse", Obligation.FIRST_RESPONSE, null))))
                .contains(CloseRequestRule.NO_RESPONSE);
        assertThat(CloseRequestRule.NO_RESPONSE).contains("不能申请办结");
    }

    @Test
    void allowsItOnceAResponseIsRecorded() {
        assertThat(CloseRequestRule.refusal(of(clock("firstResponse", Obligation.FIRST_RESPONSE, T.plusSeconds(60))))).isEmpty();
    }

    @Test
    void allowsItWhereNoResponseWasDueForExampleACoUnit() {
        assertThat(CloseRequestRule.refusal(of(clock("ack", Obligation.ACK, T), clock("feedback", Obligation.FEEDBACK, null)))).isEmpty();
    }
}
