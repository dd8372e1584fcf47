package cn.tingfeng.tracking.escalation;

import cn.tingfeng.shared.Grade;
import cn.tingfeng.tracking.AssignmentClocks;
import cn.tingfeng.tracking.AssignmentEvent;
import cn.tingfeng.tracking.AssignmentRole;
import cn.tingfeng.tracking.ClockDeriver;
import cn.tingfeng.tracking.calendar.WorkdayCalendar;
import cn.tingfeng.tracking.sla.PolicySnapshot;
import cn.tingfeng.tracking.sla.SlaPolicies;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Replays timelines through a simulated sweep driven by a java.time.Clock advanced minute by minute. */
class EscalationLadderTest {

    static final ClockDeriver DERIVER = new ClockDeriver(WorkdayCalendar.shipped());
    static final PolicySnapshot MAJOR = SlaPolicies.shipped().resolve("lianyungang", Grade.II);
    static final PolicySnapshot ORDINARY = SlaPolicies.shipped().resolve("lianyungang", Grade.IV);
    static final Instant START = OffsetDateTime.parse("2026-11-23T08:00:00+08:00").toInstant();

    record Fired(String clock, EscalationStep step, Instant at, List<Recipient> recipients) {
    }

    /** A sweep: at each tick, pick the assignment if due, record each due step once (unique per clock+step). */
    static final class Sweep {
        final Map<String, Set<EscalationStep>> recorded = new HashMap<>();
        final List<Fired> fired = new ArrayList<>();

        void run(PolicySnapshot policy, List<AssignmentEvent> history, Instant from, Instant to, Duration tick) {
            for (Clock clock = Clock.fixed(from, ZoneOffset.UTC); !clock.instant().isAfter(to);
                 clock = Clock.offset(clock, tick)) {
                Instant now = clock.instant();
                List<AssignmentEvent> known = history.stream().filter(e -> !e.at().isAfter(now)).toList();
                AssignmentClocks clocks = DERIVER.derive(policy, known, recorded, now);
                if (clocks.nextActionAt() == null || clocks.nextActionAt().isAfter(now)) continue;
                for (DueAction a : DERIVER.dueActions("A1", policy, clocks, recorded, now)) {
                    String key = a.clockRef().substring("A1/".length());
                    if (recorded.computeIfAbsent(key, k -> EnumSet.noneOf(EscalationStep.class)).add(a.step())) {
                        fired.add(new Fired(key, a.step(), now, a.recipients()));
                    }
                }
            }
        }

        List<Fired> of(String clock) {
            return fired.stream().filter(f -> f.clock().equals(clock)).toList();
        }
    }

    static Instant h(double hours) {
        return START.plus(Duration.ofMinutes(Math.round(hours * 60)));
    }

    static AssignmentEvent assigned(PolicySnapshot p) {
        return AssignmentEvent.assigned(1, START, "analyst", START, AssignmentRole.LEAD, p.versionId());
    }

    @Test
    void silentUnitGetsReminderUrgeSuperviseAndAccountabilityOnFirstResponseEachOnce() {
        Sweep sweep = new Sweep();
        sweep.run(MAJOR, List.of(assigned(MAJOR)), START, h(40), Duration.ofMinutes(1));
        List<Fired> fr = sweep.of("firstResponse");
        assertThat(fr).extracting(Fired::step).containsExactly(
                EscalationStep.REMINDER, EscalationStep.URGE, EscalationStep.SUPERVISE, EscalationStep.ACCOUNTABILITY);
        assertThat(fr).extracting(Fired::at).containsExactly(h(2), h(3), h(5), h(29));
        assertThat(fr.get(0).recipients()).containsExactly(Recipient.UNIT);
        assertThat(fr.get(2).recipients()).contains(Recipient.SUPERVISION_OFFICE);
        assertThat(fr.get(3).recipients()).contains(Recipient.SUPERVISION_COMMISSION);
        // ack: 30 min target, 1 h limit, reminder 10 min before, no accountability configured
        assertThat(sweep.of("ack")).extracting(Fired::step, Fired::at).containsExactly(
                org.assertj.core.groups.Tuple.tuple(EscalationStep.REMINDER, START.plus(Duration.ofMinutes(20))),
                org.assertj.core.groups.Tuple.tuple(EscalationStep.URGE, START.plus(Duration.ofMinutes(30))),
                org.assertj.core.groups.Tuple.tuple(EscalationStep.SUPERVISE, START.plus(Duration.ofMinutes(60))));
    }

    @Test
    void aSecondSweepOverTheSameTimeRecordsNothingNew() {
        Sweep sweep = new Sweep();
        sweep.run(MAJOR, List.of(assigned(MAJOR)), START, h(40), Duration.ofMinutes(1));
        int n = sweep.fired.size();
        sweep.run(MAJOR, List.of(assigned(MAJOR)), START, h(40), Duration.ofMinutes(7));
        assertThat(sweep.fired).hasSize(n);
    }

    @Test
    void responseAfterTheUrgeStopsTheLadderBeforeSupervision() {
        Sweep sweep = new Sweep();
        List<AssignmentEvent> history = List.of(assigned(MAJOR),
                AssignmentEvent.responsePublished(2, h(4), "unit", h(3.9)));
        sweep.run(MAJOR, history, START, h(40), Duration.ofMinutes(1));
        assertThat(sweep.of("firstResponse")).extracting(Fired::step)
                .containsExactly(EscalationStep.REMINDER, EscalationStep.URGE);
    }

    @Test
    void sweepThatWasDownSkipsTheStaleReminderButIssuesEveryMissedProceduralStep() {
        Sweep sweep = new Sweep();
        sweep.run(MAJOR, List.of(assigned(MAJOR)), h(6), h(6), Duration.ofMinutes(1));
        assertThat(sweep.of("firstResponse")).extracting(Fired::step)
                .containsExactly(EscalationStep.URGE, EscalationStep.SUPERVISE);
        assertThat(sweep.of("firstResponse")).extracting(Fired::at).containsOnly(h(6));
    }

    @Test
    void ordinaryGradeUrgesAndSupervisesTogetherAtFortyEightHours() {
        Sweep sweep = new Sweep();
        sweep.run(ORDINARY, List.of(assigned(ORDINARY)), START, h(49), Duration.ofMinutes(5));
        assertThat(sweep.of("firstResponse")).extracting(Fired::step, Fired::at).containsExactly(
                org.assertj.core.groups.Tuple.tuple(EscalationStep.REMINDER, h(42)),
                org.assertj.core.groups.Tuple.tuple(EscalationStep.URGE, h(48)),
                org.assertj.core.groups.Tuple.tuple(EscalationStep.SUPERVISE, h(48)));
        assertThat(sweep.of("pressConference")).isEmpty();
    }

    @Test
    void nextActionTimeWalksUpTheLadderAsStepsAreRecorded() {
        EscalationPolicy p = new EscalationPolicy(EscalationSettings.defaults());
        Ladder l = new Ladder(h(2), h(3), h(5), h(29));
        assertThat(p.nextActionAt(l, true, Set.of())).isEqualTo(h(2));
        assertThat(p.nextActionAt(l, true, EnumSet.of(EscalationStep.REMINDER))).isEqualTo(h(3));
        assertThat(p.nextActionAt(l, true, EnumSet.of(EscalationStep.URGE))).isEqualTo(h(5));
        assertThat(p.nextActionAt(l, true, EnumSet.of(EscalationStep.URGE, EscalationStep.SUPERVISE))).isEqualTo(h(29));
        assertThat(p.nextActionAt(l, true, EnumSet.allOf(EscalationStep.class))).isNull();
        assertThat(p.nextActionAt(l, false, Set.of())).isNull();
        assertThat(p.due("c", l, true, Set.of(), h(1.99))).isEmpty();
        assertThat(p.due("c", l, false, Set.of(), h(100))).isEmpty();
    }

    @Test
    void closedAssignmentNeverEscalatesAgain() {
        Sweep sweep = new Sweep();
        List<AssignmentEvent> history = List.of(assigned(MAJOR),
                AssignmentEvent.responsePublished(2, h(0.2), "unit", h(0.1)),
                AssignmentEvent.feedbackReported(3, h(1), "unit"),
                AssignmentEvent.closeRequested(4, h(1.5), "unit"),
                AssignmentEvent.closed(5, h(2), "analyst"));
        sweep.run(MAJOR, history, h(2), h(60), Duration.ofMinutes(10));
        assertThat(sweep.fired).isEmpty();
    }

    @Test
    void chineseMessagesNameTheUnitDeadlineAndOverrunAndNeutraliseHostileTitles() {
        MessageTemplates t = MessageTemplates.defaults();
        var ctx = new MessageTemplates.Context("某小区\n[点此](http://evil) {unit} 燃气爆炸", "海州区应急管理局",
                "首次发布权威信息", "目标 3 小时，最迟 5 小时（自舆情发生起）", h(3), h(5), "https://tf.example/incidents/7");
        MessageTemplates.Message m = t.render(EscalationStep.SUPERVISE, ctx, h(7.5));
        assertThat(m.subject()).startsWith("【督办】海州区应急管理局");
        assertThat(m.body()).contains("2026年11月23日 13:00").contains("2 小时 30 分钟").contains("政府督查室");
        assertThat(m.webhook()).doesNotContain("\n").contains("{unit}"); // the title's "{unit}" is not expanded
        assertThat(t.render(EscalationStep.URGE, ctx, h(3)).body()).contains("催办").contains("不足 1 分钟");
        assertThat(MessageTemplates.fill("{a}{b}", Map.of("a", "$1\\"))).isEqualTo("$1\\{b}");
    }
}
