package cn.tingfeng.tracking;

import cn.tingfeng.shared.Grade;
import cn.tingfeng.tracking.calendar.WorkdayCalendar;
import cn.tingfeng.tracking.sla.PolicySnapshot;
import cn.tingfeng.tracking.sla.SlaPolicies;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static cn.tingfeng.tracking.AssignmentEvent.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClockDeriverTest {

    static final SlaPolicies POLICIES = SlaPolicies.shipped();
    static final ClockDeriver DERIVER = new ClockDeriver(WorkdayCalendar.shipped());
    static final PolicySnapshot MAJOR = POLICIES.resolve("lianyungang", Grade.II);
    static final PolicySnapshot ORDINARY = POLICIES.resolve("lianyungang", Grade.IV);

    static final Instant START = cst("2026-11-23T08:00:00"); // Monday
    static final Instant ASSIGNED_AT = START.plus(Duration.ofMinutes(20));

    static Instant cst(String s) {
        return OffsetDateTime.parse(s + "+08:00").toInstant();
    }

    static Instant h(double hours) {
        return START.plus(Duration.ofMinutes(Math.round(hours * 60)));
    }

    /** A history under construction; seq numbers follow the order of calls. */
    static final class History {
        final List<AssignmentEvent> events = new ArrayList<>();
        final PolicySnapshot policy;

        History(PolicySnapshot policy, AssignmentRole role) {
            this.policy = policy;
            events.add(assigned(1, ASSIGNED_AT, "analyst", START, role, policy.versionId()));
        }

        long next() {
            return events.size() + 1;
        }

        History add(java.util.function.LongFunction<AssignmentEvent> f) {
            events.add(f.apply(next()));
            return this;
        }

        AssignmentClocks at(Instant now) {
            return DERIVER.derive(policy, events, Map.of(), now);
        }

        ObligationClock clock(String key, Instant now) {
            return at(now).clock(key).orElseThrow();
        }
    }

    static History major() {
        return new History(MAJOR, AssignmentRole.LEAD);
    }

    @Test
    void firstResponseIsPendingThenWarningAfterThreeHoursThenOverdueAfterFive() {
        History h = major();
        assertThat(h.clock("firstResponse", h(2.99)).status()).isEqualTo(ClockStatus.PENDING);
        assertThat(h.clock("firstResponse", h(3)).status()).isEqualTo(ClockStatus.WARNING);
        assertThat(h.clock("firstResponse", h(4.99)).status()).isEqualTo(ClockStatus.WARNING);
        assertThat(h.clock("firstResponse", h(5)).status()).isEqualTo(ClockStatus.OVERDUE);
        ObligationClock c = h.clock("firstResponse", h(1));
        assertThat(c.start()).isEqualTo(START);
        assertThat(c.target()).isEqualTo(h(3));
        assertThat(c.limit()).isEqualTo(h(5));
        assertThat(c.metAt()).isNull();
        assertThat(c.workingDays()).isFalse();
    }

    @Test
    void firstResponseIsMetLateOrBreachedByTheEarliestStatedPublicationTime() {
        assertThat(major().add(s -> responsePublished(s, h(2.5), "unit", h(2))).clock("firstResponse", h(10)).status())
                .isEqualTo(ClockStatus.MET);
        assertThat(major().add(s -> responsePublished(s, h(4.5), "unit", h(4))).clock("firstResponse", h(10)).status())
                .isEqualTo(ClockStatus.LATE);
        ObligationClock breached = major().add(s -> responsePublished(s, h(7), "unit", h(6))).clock("firstResponse", h(10));
        assertThat(breached.status()).isEqualTo(ClockStatus.BREACHED);
        assertThat(breached.metAt()).isEqualTo(h(6));
        assertThat(breached.nextActionAt()).isNull();
        // a later-registered release stating an earlier publication time counts
        ObligationClock two = major()
                .add(s -> responsePublished(s, h(6), "unit", h(5.5)))
                .add(s -> responsePublished(s, h(6.5), "unit", h(2.5)))
                .clock("firstResponse", h(10));
        assertThat(two.metAt()).isEqualTo(h(2.5));
        assertThat(two.status()).isEqualTo(ClockStatus.MET);
    }

    @Test
    void publicationStatedAfterItsRegistrationIsRejected() {
        assertThatThrownBy(() -> major().add(s -> responsePublished(s, h(2), "unit", h(3))).at(h(4)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("不能晚于登记时间");
    }

    @Test
    void ackCountsFromTheAssignmentAndAnyActOfTheUnitImpliesIt() {
        History h = major();
        ObligationClock ack = h.clock("ack", ASSIGNED_AT);
        assertThat(ack.start()).isEqualTo(ASSIGNED_AT);
        assertThat(ack.target()).isEqualTo(ASSIGNED_AT.plus(Duration.ofMinutes(30)));
        assertThat(h.clock("ack", ASSIGNED_AT.plus(Duration.ofMinutes(45))).status()).isEqualTo(ClockStatus.WARNING);
        assertThat(h.clock("ack", ASSIGNED_AT.plus(Duration.ofMinutes(60))).status()).isEqualTo(ClockStatus.OVERDUE);
        h.add(s -> responsePublished(s, ASSIGNED_AT.plus(Duration.ofMinutes(10)), "unit", ASSIGNED_AT.plus(Duration.ofMinutes(5))));
        ObligationClock implied = h.clock("ack", h(5));
        assertThat(implied.status()).isEqualTo(ClockStatus.MET);
        assertThat(implied.metAt()).isEqualTo(ASSIGNED_AT.plus(Duration.ofMinutes(10)));
    }

    @Test
    void pressConferenceRunsTwentyFourHoursForMajorGradesOnlyAndOnlyForTheLeadUnit() {
        assertThat(major().clock("pressConference", h(1)).target()).isEqualTo(h(24));
        assertThat(major().add(s -> pressConferenceHeld(s, h(23), "unit", h(22))).clock("pressConference", h(30)).status())
                .isEqualTo(ClockStatus.MET);
        assertThat(new History(ORDINARY, AssignmentRole.LEAD).at(h(1)).clock("pressConference")).isEmpty();
        AssignmentClocks co = new History(MAJOR, AssignmentRole.CO).at(h(1));
        assertThat(co.byKey()).containsOnlyKeys("ack", "feedback", "close");
    }

    @Test
    void ordinaryGradesHaveOneFortyEightHourResponseDeadline() {
        History h = new History(ORDINARY, AssignmentRole.LEAD);
        ObligationClock c = h.clock("firstResponse", h(47));
        assertThat(c.target()).isEqualTo(h(48)).isEqualTo(c.limit());
        assertThat(c.status()).isEqualTo(ClockStatus.PENDING);
        assertThat(h.clock("firstResponse", h(48)).status()).isEqualTo(ClockStatus.OVERDUE);
    }

    @Test
    void anAnalystMovingTheIncidentStartMovesTheIncidentClocksButNotTheAck() {
        History h = major().add(s -> startAdjusted(s, h(1), "analyst", h(-2), "发现更早的首发帖子"));
        assertThat(h.clock("firstResponse", h(1.5)).target()).isEqualTo(h(1));
        assertThat(h.clock("firstResponse", h(1.5)).status()).isEqualTo(ClockStatus.WARNING);
        assertThat(h.clock("pressConference", h(1.5)).target()).isEqualTo(h(22));
        assertThat(h.clock("ack", h(1.5)).start()).isEqualTo(ASSIGNED_AT);
        assertThat(h.at(h(1.5)).incidentStart()).isEqualTo(h(-2));
        assertThatThrownBy(() -> major().add(s -> startAdjusted(s, h(1), "analyst", h(-2), " ")).at(h(2)))
                .hasMessageContaining("理由");
    }

    @Test
    void closingFreezesUnmetClocksAsTheyStoodAndStopsTheLadder() {
        History h = major()
                .add(s -> acknowledged(s, h(0.5), "unit"))
                .add(s -> responsePublished(s, h(2), "unit", h(2)))
                .add(s -> feedbackReported(s, h(6), "unit"))
                .add(s -> closeRequested(s, h(8), "unit"))
                .add(s -> closed(s, h(9), "analyst"));
        AssignmentClocks at = h.at(h(100));
        assertThat(at.state()).isEqualTo(AssignmentState.CLOSED);
        ObligationClock press = at.clock("pressConference").orElseThrow();
        assertThat(press.status()).isEqualTo(ClockStatus.PENDING); // at closing (9 h) the 24 h target had not come
        assertThat(press.stoppedAt()).isEqualTo(h(9));
        assertThat(press.nextActionAt()).isNull();
        assertThat(at.clock("close").orElseThrow().metAt()).isEqualTo(h(8));
        assertThat(at.nextActionAt()).isNull();
        assertThatThrownBy(() -> h.add(s -> feedbackReported(s, h(101), "unit")).at(h(102))).hasMessageContaining("办结");
    }

    @Test
    void returningACloseRequestReopensTheCloseClockWithItsOriginalDeadline() {
        History h = major().add(s -> closeRequested(s, h(8), "unit"));
        Instant target = h.clock("close", h(9)).target();
        assertThat(h.clock("close", h(9)).metAt()).isEqualTo(h(8));
        h.add(s -> returned(s, h(10), "analyst", "反馈内容未说明处置结果"));
        ObligationClock reopened = h.clock("close", h(11));
        assertThat(reopened.metAt()).isNull();
        assertThat(reopened.target()).isEqualTo(target);
        assertThat(h.at(h(11)).state()).isEqualTo(AssignmentState.ACTIVE);
        assertThatThrownBy(() -> major().add(s -> closed(s, h(2), "analyst")).at(h(3))).hasMessageContaining("尚未申请办结");
    }

    @Test
    void disputeKeepsClocksRunningAndReassignmentStopsThem() {
        History h = major().add(s -> disputed(s, h(0.5), "unit", "该事项属市场监管职责"));
        assertThat(h.at(h(1)).state()).isEqualTo(AssignmentState.DISPUTED);
        assertThat(h.clock("firstResponse", h(4)).status()).isEqualTo(ClockStatus.WARNING);
        // 申请改派 is not 签收: the ack clock keeps running unmet (never counted as acknowledged on time)
        assertThat(h.clock("ack", h(4)).metAt()).isNull();
        assertThat(h.clock("ack", h(4)).status()).isNotEqualTo(ClockStatus.MET);

        History upheld = major().add(s -> disputed(s, h(1), "unit", "x"))
                .add(s -> disputeDecided(s, h(2), "analyst", DisputeOutcome.ASSIGNMENT_UPHELD, "属本单位职责"));
        assertThat(upheld.at(h(6)).state()).isEqualTo(AssignmentState.ACTIVE);
        assertThat(upheld.clock("firstResponse", h(6)).status()).isEqualTo(ClockStatus.OVERDUE);

        History moved = major().add(s -> disputed(s, h(1), "unit", "x"))
                .add(s -> disputeDecided(s, h(4), "analyst", DisputeOutcome.REASSIGNED, "改派市场监管局"));
        AssignmentClocks m = moved.at(h(30));
        assertThat(m.state()).isEqualTo(AssignmentState.REASSIGNED);
        assertThat(m.clock("firstResponse").orElseThrow().status()).isEqualTo(ClockStatus.WARNING); // as at 4 h
        assertThat(m.nextActionAt()).isNull();
    }

    @Test
    void leaderInstructionWithItsOwnDeadlineRunsItsOwnClock() {
        History h = major().add(s -> instructionIssued(s, h(3), "leader", "P-1", h(27)));
        ObligationClock c = h.clock("instruction:P-1", h(10));
        assertThat(c.target()).isEqualTo(h(27)).isEqualTo(c.limit());
        assertThat(c.rule()).contains("领导批示");
        assertThat(h.clock("instruction:P-1", h(27)).status()).isEqualTo(ClockStatus.OVERDUE);
        h.add(s -> instructionCompleted(s, h(28), "unit", "P-1"));
        assertThat(h.clock("instruction:P-1", h(30)).status()).isEqualTo(ClockStatus.BREACHED);
        assertThatThrownBy(() -> h.add(s -> instructionCompleted(s, h(29), "unit", "P-1")).at(h(30)))
                .hasMessageContaining("已办理完毕");
    }

    @Test
    void leaderInstructionWithoutDeadlineCountsWorkingDaysAcrossTheSpringFestival() {
        Instant start = cst("2026-02-12T09:00:00");
        List<AssignmentEvent> ev = List.of(
                assigned(1, start, "analyst", start, AssignmentRole.LEAD, MAJOR.versionId()),
                instructionIssued(2, cst("2026-02-12T10:00:00"), "leader", "P-2", null));
        ObligationClock c = DERIVER.derive(MAJOR, ev, Map.of(), cst("2026-02-13T12:00:00")).clock("instruction:P-2").orElseThrow();
        // policy: target 2 working days (13 Fri, 14 Sat 调休), limit 3 (then 24 Tue after the festival)
        assertThat(c.workingDays()).isTrue();
        assertThat(c.target()).isEqualTo(cst("2026-02-15T00:00:00"));
        assertThat(c.limit()).isEqualTo(cst("2026-02-25T00:00:00"));
        assertThat(c.ladder().reminderAt()).isEqualTo(cst("2026-02-14T00:00:00"));
        assertThat(DERIVER.derive(MAJOR, ev, Map.of(), cst("2026-02-20T12:00:00")).clock("instruction:P-2").orElseThrow().status())
                .isEqualTo(ClockStatus.WARNING);
    }

    @Test
    void ordinaryFeedbackDeadlineInWorkingDaysSkipsTheFestival() {
        Instant assignedAt = cst("2026-02-13T16:00:00");
        List<AssignmentEvent> ev = List.of(assigned(1, assignedAt, "analyst", assignedAt, AssignmentRole.LEAD, ORDINARY.versionId()));
        ObligationClock fb = DERIVER.derive(ORDINARY, ev, Map.of(), assignedAt).clock("feedback").orElseThrow();
        // 3 working days: 14 (Sat, 调休), 24, 25 → end of the 25th; limit 5: 26, 27 → end of the 27th
        assertThat(fb.target()).isEqualTo(cst("2026-02-26T00:00:00"));
        assertThat(fb.limit()).isEqualTo(cst("2026-02-28T00:00:00"));
    }

    @Test
    void historyFrozenOnAnotherPolicyVersionIsRefused() {
        List<AssignmentEvent> ev = List.of(assigned(1, ASSIGNED_AT, "analyst", START, AssignmentRole.LEAD, "default@old#000000000000"));
        assertThatThrownBy(() -> DERIVER.derive(MAJOR, ev, Map.of(), h(1))).hasMessageContaining("版本");
    }

    @Test
    void historyMustStartWithTheAssignmentAndKeepItsOrder() {
        assertThatThrownBy(() -> DERIVER.derive(MAJOR, List.of(acknowledged(1, h(1), "u")), Map.of(), h(1)))
                .hasMessageContaining("交办");
        assertThatThrownBy(() -> major().add(s -> acknowledged(1, h(1), "u")).at(h(2))).hasMessageContaining("序号");
    }
}
