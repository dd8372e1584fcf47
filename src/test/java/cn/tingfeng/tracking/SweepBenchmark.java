package cn.tingfeng.tracking;

import cn.tingfeng.shared.Grade;
import cn.tingfeng.testsupport.MutableClock;
import cn.tingfeng.testsupport.TestAccounts;
import cn.tingfeng.tracking.sla.PolicyService;
import cn.tingfeng.tracking.sla.PolicySnapshot;
import cn.tingfeng.tracking.sweep.SweepService;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Sweep time with 10,000 and 100,000 open clocks in the database (5 clocks per assignment, next_action_at spread over
 * the next 48 h), of which the clocks of DUE assignments are due now (real histories: grade II, started 6 h ago, so
 * 催办 and 督办 fall due on ack and first response). Prints (a) the indexed selection of due clocks alone and (b) a
 * whole sweep: selection + per-assignment transaction (lock, derive, insert records, move next_action_at, audit).
 * Run: ./mvnw -o -Pbench test -Dtest=SweepBenchmark
 */
@QuarkusTest
@Tag("benchmark")
class SweepBenchmark {
    static final int DUE = 35; // ≈ one minute's share of 100,000 clocks falling due over 48 h (100000 / 2880)

    @Inject
    AgroalDataSource ds;
    @Inject
    SweepService sweeps;
    @Inject
    TrackingClockRepository clocks;
    @Inject
    PolicyService policies;
    @Inject
    TestAccounts accounts;
    @Inject
    MutableClock clock;

    @Test
    void sweepWithTenThousandAndOneHundredThousandOpenClocks() throws Exception {
        Instant now = Instant.parse("2026-11-25T04:00:00Z");
        clock.set(now);
        Random rnd = new Random(7);
        int inDb = 0;
        String db = cn.tingfeng.bench.BenchResults.db(ds);
        java.util.Map<String, Number> figures = new java.util.LinkedHashMap<>();
        try {
            for (int target : new int[]{10_000, 100_000}) {
                inDb += insert(target - inDb, now, rnd, false);
                long worst = 0;
                long worstSelect = 0;
                java.util.List<Long> totals = new java.util.ArrayList<>();
                for (int round = 0; round < 3; round++) {
                    insert(DUE * 5, now, rnd, true);
                    long t0 = System.nanoTime();
                    int dueClocks = QuarkusTransaction.requiringNew().call(() -> clocks.dueAssignmentIds(now, 100_000).size());
                    long selectMs = (System.nanoTime() - t0) / 1_000_000;
                    SweepService.SweepReport r = sweeps.sweep();
                    System.out.printf("[sweep-benchmark] open clocks %,d (+%d due): select due by index %d ms (%d clock rows); "
                                    + "whole sweep %d ms (select %d ms, %d assignments processed, %d records, %d failed)%n",
                            count(), DUE * 5, selectMs, dueClocks, r.totalMillis(), r.selectMillis(), r.assignmentsDue(),
                            r.created().size(), r.failed());
                    worst = Math.max(worst, r.totalMillis());
                    worstSelect = Math.max(worstSelect, selectMs);
                    totals.add(r.totalMillis());
                }
                String k = (target / 1000) + "k." + db;
                java.util.Collections.sort(totals);
                figures.put("sla.sweepMs.clocks" + k, totals.get(totals.size() / 2));
                figures.put("sla.sweepMaxMs.clocks" + k, worst);
                figures.put("sla.selectDueMs.clocks" + k, worstSelect);
            }
            cn.tingfeng.bench.BenchResults.write("sweep-" + db, figures);
        } finally {
            clock.reset();
        }
    }

    long count() throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from tracking_clock where next_action_at is not null")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** {@code n} clocks (n/5 assignments, one incident each); due ones get a real history and frozen policy. */
    int insert(int n, Instant now, Random rnd, boolean due) throws Exception {
        PolicySnapshot policy = policies.resolve("default", Grade.II);
        String json = policy.toJson();
        Instant start = due ? now.minus(Duration.ofHours(6)) : now;
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement inc = c.prepareStatement("insert into incident (title, grade, status, started_at, created_at, "
                    + "updated_at) values (?, 'II', 'assigned', ?, ?, ?)", Statement.RETURN_GENERATED_KEYS);
                 PreparedStatement asg = c.prepareStatement("insert into assignment (incident_id, unit_id, role, status, assigned_by, "
                         + "assigned_at, policy_version, policy_snapshot) values (?, ?, 'lead', 'active', 'bench', ?, ?, ?)",
                         Statement.RETURN_GENERATED_KEYS);
                 PreparedStatement ev = c.prepareStatement("insert into assignment_event (assignment_id, seq, type, at, actor, "
                         + "event_time, ref, role) values (?, 1, 'ASSIGNED', ?, 'bench', ?, ?, 'LEAD')");
                 PreparedStatement clk = c.prepareStatement("insert into tracking_clock (assignment_id, clock_key, status, target_at, "
                         + "limit_at, next_action_at, updated_at) values (?, ?, 'pending', ?, ?, ?, ?)")) {
                String[] keys = {"ack", "firstResponse", "pressConference", "feedback", "close"};
                for (int k = 0; k < n / 5; k++) {
                    inc.setString(1, "基准测试舆情 " + k);
                    inc.setObject(2, odt(start));
                    inc.setObject(3, odt(now));
                    inc.setObject(4, odt(now));
                    inc.executeUpdate();
                    long incidentId = key(inc);
                    asg.setLong(1, incidentId);
                    asg.setLong(2, accounts.unitId());
                    asg.setObject(3, odt(start));
                    asg.setString(4, policy.versionId());
                    asg.setString(5, json);
                    asg.executeUpdate();
                    long assignmentId = key(asg);
                    ev.setLong(1, assignmentId);
                    ev.setObject(2, odt(start));
                    ev.setObject(3, odt(start));
                    ev.setString(4, policy.versionId());
                    ev.addBatch();
                    for (String key : keys) {
                        Instant next = due ? now.minusSeconds(60) : now.plusSeconds(60 + rnd.nextInt(48 * 3600));
                        clk.setLong(1, assignmentId);
                        clk.setString(2, key);
                        clk.setObject(3, odt(next));
                        clk.setObject(4, odt(next));
                        clk.setObject(5, odt(next));
                        clk.setObject(6, odt(now));
                        clk.addBatch();
                    }
                    if (k % 1000 == 999) {
                        ev.executeBatch();
                        clk.executeBatch();
                    }
                }
                ev.executeBatch();
                clk.executeBatch();
            }
            c.commit();
        }
        return n;
    }

    static long key(PreparedStatement p) throws Exception {
        try (ResultSet rs = p.getGeneratedKeys()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static OffsetDateTime odt(Instant t) {
        return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }
}
