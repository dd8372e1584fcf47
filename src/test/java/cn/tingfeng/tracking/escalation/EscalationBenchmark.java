package cn.tingfeng.tracking.escalation;

import cn.tingfeng.shared.Grade;
import cn.tingfeng.tracking.AssignmentClocks;
import cn.tingfeng.tracking.AssignmentEvent;
import cn.tingfeng.tracking.AssignmentRole;
import cn.tingfeng.tracking.ClockDeriver;
import cn.tingfeng.tracking.calendar.WorkdayCalendar;
import cn.tingfeng.tracking.sla.PolicySnapshot;
import cn.tingfeng.tracking.sla.SlaPolicies;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Prints the time to decide due actions for N open clocks with the pure policy (no database):
 * (a) EscalationPolicy.due over precomputed ladders — what the sweep does per selected clock;
 * (b) full re-derivation from event histories (ClockDeriver.derive + dueActions), 5 clocks per assignment.
 * Run: ./mvnw -q -o -Pbench test -Dtest=EscalationBenchmark
 */
@Tag("benchmark")
class EscalationBenchmark {

    static final Instant NOW = Instant.parse("2026-11-23T06:00:00Z");

    @Test
    void dueActionsForTenThousandAndOneHundredThousandOpenClocks() {
        Random rnd = new Random(42);
        EscalationPolicy policy = new EscalationPolicy(EscalationSettings.defaults());
        ClockDeriver deriver = new ClockDeriver(WorkdayCalendar.shipped());
        SlaPolicies policies = SlaPolicies.shipped();
        java.util.Map<String, Number> figures = new java.util.LinkedHashMap<>();
        for (int round = 0; round < 3; round++) { // first rounds warm the JIT
            for (int n : new int[]{10_000, 100_000}) {
                List<Ladder> ladders = new ArrayList<>(n);
                List<Set<EscalationStep>> recorded = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    Instant target = NOW.plus(Duration.ofMinutes(rnd.nextInt(600) - 300));
                    ladders.add(new Ladder(target.minus(Duration.ofHours(1)), target,
                            target.plus(Duration.ofHours(2)), target.plus(Duration.ofHours(26))));
                    Set<EscalationStep> r = EnumSet.noneOf(EscalationStep.class);
                    if (rnd.nextBoolean()) r.add(EscalationStep.REMINDER);
                    recorded.add(r);
                }
                long t0 = System.nanoTime();
                int due = 0;
                for (int i = 0; i < n; i++) {
                    due += policy.due("c" + i, ladders.get(i), true, recorded.get(i), NOW).size();
                }
                long policyMs = (System.nanoTime() - t0) / 1_000_000;

                int assignments = n / 5;
                List<PolicySnapshot> snaps = new ArrayList<>(assignments);
                List<List<AssignmentEvent>> histories = new ArrayList<>(assignments);
                for (int i = 0; i < assignments; i++) {
                    PolicySnapshot p = policies.resolve("lianyungang", Grade.values()[i % 4]);
                    Instant start = NOW.minus(Duration.ofMinutes(rnd.nextInt(3000)));
                    List<AssignmentEvent> h = new ArrayList<>();
                    h.add(AssignmentEvent.assigned(1, start.plusSeconds(600), "a", start, AssignmentRole.LEAD, p.versionId()));
                    if (rnd.nextBoolean()) h.add(AssignmentEvent.acknowledged(2, start.plusSeconds(900), "u"));
                    snaps.add(p);
                    histories.add(h);
                }
                long t1 = System.nanoTime();
                int due2 = 0;
                int clocks = 0;
                for (int i = 0; i < assignments; i++) {
                    AssignmentClocks c = deriver.derive(snaps.get(i), histories.get(i), Map.of(), NOW);
                    clocks += c.clocks().size();
                    due2 += deriver.dueActions("A" + i, snaps.get(i), c, Map.of(), NOW).size();
                }
                long deriveMs = (System.nanoTime() - t1) / 1_000_000;
                System.out.printf("round %d: %,7d open clocks: EscalationPolicy.due %4d ms (%,d due); "
                                + "derive+due from histories (%,d assignments, %,d clocks) %5d ms (%,d due)%n",
                        round, n, policyMs, due, assignments, clocks, deriveMs, due2);
                if (round == 2) {  // after the JIT warm-up rounds
                    figures.put("sla.escalation.dueMs.clocks" + (n / 1000) + "k", policyMs);
                    figures.put("sla.escalation.deriveMs.clocks" + (n / 1000) + "k", deriveMs);
                }
            }
        }
        cn.tingfeng.bench.BenchResults.write("escalation", figures);
    }
}
