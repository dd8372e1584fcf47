package cn.tingfeng.tracking.sla;

import cn.tingfeng.shared.Grade;
import cn.tingfeng.tracking.escalation.EscalationStep;
import cn.tingfeng.tracking.escalation.Recipient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SlaPoliciesTest {

    private static final String LOCAL = """
            policies:
              - jurisdiction: default
                version: "1"
                grades:
                  - grades: [I, II, III, IV]
                    ack: { target: 30m }
                    firstResponse: { target: 48h }
                    instruction: { target: 3wd }
              - jurisdiction: nantong
                version: "n-1"
                grades:
                  - grades: [I, II]
                    ack: { target: 15m }
                    firstResponse: { target: 1h, limit: 2h }
                    instruction: { target: 1wd }
                  - grades: [III, IV]
                    ack: { target: 30m }
                    firstResponse: { target: 5d }
                    instruction: { target: 3wd }
                escalation:
                  recipients:
                    urge: [unit]
            """;

    @Test
    void shippedDefaultCarriesTheNantongMajorAndNationalOtherDeadlines() {
        SlaPolicies p = SlaPolicies.shipped();
        for (Grade g : new Grade[]{Grade.I, Grade.II}) {
            GradeRules r = p.resolve("lianyungang", g).rules();
            assertThat(r.ack().target()).isEqualTo(Span.minutes(30));
            assertThat(r.firstResponse().target()).isEqualTo(Span.hours(3));
            assertThat(r.firstResponse().limit()).isEqualTo(Span.hours(5));
            assertThat(r.pressConference().target()).isEqualTo(Span.hours(24));
        }
        for (Grade g : new Grade[]{Grade.III, Grade.IV}) {
            GradeRules r = p.resolve("lianyungang", g).rules();
            assertThat(r.firstResponse().target()).isEqualTo(Span.hours(48));
            assertThat(r.firstResponse().limit()).isEqualTo(Span.hours(48));
            assertThat(r.pressConference()).isNull();
            assertThat(r.feedback().target().isWorkingDays()).isTrue();
        }
        assertThat(p.resolve(null, Grade.I).escalation().recipients(EscalationStep.SUPERVISE))
                .contains(Recipient.SUPERVISION_OFFICE);
    }

    @Test
    void aJurisdictionWithItsOwnPolicyUsesItOthersFallBackToDefault() {
        SlaPolicies p = SlaPolicies.fromYaml(LOCAL);
        assertThat(p.resolve("nantong", Grade.II).rules().firstResponse().limit()).isEqualTo(Span.hours(2));
        assertThat(p.resolve("nantong", Grade.II).versionId()).startsWith("nantong@n-1#");
        assertThat(p.resolve("jiujiang", Grade.II).rules().firstResponse().target()).isEqualTo(Span.hours(48));
        assertThat(p.resolve("jiujiang", Grade.II).versionId()).startsWith("default@1#");
        assertThat(p.resolve("nantong", Grade.I).escalation().recipients(EscalationStep.URGE)).containsExactly(Recipient.UNIT);
        // steps not configured keep the default recipients
        assertThat(p.resolve("nantong", Grade.I).escalation().recipients(EscalationStep.ACCOUNTABILITY))
                .contains(Recipient.SUPERVISION_COMMISSION);
    }

    @Test
    void versionIdIsStableForTheSameContentAndChangesWhenAnyRuleChanges() {
        String a = SlaPolicies.fromYaml(LOCAL).versionId("nantong");
        assertThat(SlaPolicies.fromYaml(LOCAL).versionId("nantong")).isEqualTo(a);
        String edited = LOCAL.replace("target: 1h, limit: 2h", "target: 1h, limit: 3h");
        assertThat(SlaPolicies.fromYaml(edited).versionId("nantong")).isNotEqualTo(a).startsWith("nantong@n-1#");
        assertThat(SlaPolicies.fromYaml(edited).versionId("default")).isEqualTo(SlaPolicies.fromYaml(LOCAL).versionId("default"));
    }

    @Test
    void aFrozenSnapshotSurvivesItsJsonRoundTripUnchanged() {
        PolicySnapshot s = SlaPolicies.shipped().resolve("lianyungang", Grade.II);
        PolicySnapshot back = PolicySnapshot.fromJson(s.toJson());
        assertThat(back).isEqualTo(s);
        assertThat(s.toJson()).contains("\"target\":\"3h\"").contains("\"limit\":\"5h\"");
    }

    @Test
    void rejectsPoliciesThatMissAGradeOrMisstateASpan() {
        assertThatThrownBy(() -> SlaPolicies.fromYaml(LOCAL.replace("[I, II, III, IV]", "[I, II, III]")))
                .hasMessageContaining("未覆盖全部等级");
        assertThatThrownBy(() -> SlaPolicies.fromYaml(LOCAL.replace("target: 30m", "target: 30 minutes")))
                .hasMessageContaining("无法识别的时长");
        assertThatThrownBy(() -> SlaPolicies.fromYaml(LOCAL.replace("target: 1h, limit: 2h", "target: 3h, limit: 2h")))
                .hasMessageContaining("早于目标时限");
        assertThatThrownBy(() -> SlaPolicies.fromYaml(LOCAL.replace("jurisdiction: default", "jurisdiction: x")))
                .hasMessageContaining("default");
    }

    @Test
    void spansParseAndPrintInTheirShortForm() {
        assertThat(Span.parse("5wd")).isEqualTo(Span.workingDays(5));
        assertThat(Span.parse(" 30MIN ")).isEqualTo(Span.minutes(30));
        assertThat(Span.parse("2d").toString()).isEqualTo("2d");
        assertThat(Span.parse("3h").label()).isEqualTo("3 小时");
    }
}
