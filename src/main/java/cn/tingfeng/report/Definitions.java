package cn.tingfeng.report;

import java.time.Instant;
import java.util.List;

/**
 * What the statistics count, written once: each definition has its SQL form (used by {@link StatsService} over the
 * tracker's stored clocks) next to its Java form (the same rule on one clock, for tests and for reading). Both read
 * a {@code tracking_clock} row — target, limit and met instant of one obligation of one assignment, kept by the
 * tracker after every event — so the statistics agree with the clocks shown on the incident.
 *
 * <ul>
 *   <li><b>counted assignment</b>: not reassigned (改派; the new unit's assignment counts instead).</li>
 *   <li><b>assigned</b> (需要处置): an incident with at least one counted assignment.</li>
 *   <li><b>responded</b>: the first authoritative information is recorded ({@code firstResponse} clock met; the lead
 *       unit has that clock).</li>
 *   <li><b>on time within the target / the limit</b>: met strictly before the deadline (deadlines are half-open, as in
 *       the tracker: 3 h / 5 h for grade I/II, 48 h for III/IV, from the incident start). The denominator is the
 *       clocks that are <em>decided</em> at the moment of the query: met, or the deadline has passed. A clock still
 *       running before its deadline counts in neither.</li>
 *   <li><b>press conference within 24 h</b> where required (lead unit of a grade I/II incident): the
 *       {@code pressConference} clock met before its limit, of the decided ones.</li>
 *   <li><b>fed back</b> (反馈): an assignment whose {@code feedback} clock is met; an incident when every counted
 *       assignment fed back. 反馈率 = fed-back incidents ÷ assigned incidents.</li>
 *   <li><b>completed</b> (办结): an assignment closed (a returned 退回 one is open again); an incident when every counted
 *       assignment is closed. 办结率 = completed incidents ÷ assigned incidents.</li>
 *   <li><b>overdue now</b>: a clock of an open assignment, not met, whose limit has passed.</li>
 * </ul>
 */
public final class Definitions {
    public static final String ACK = "ack";
    public static final String FIRST_RESPONSE = "firstResponse";
    public static final String PRESS_CONFERENCE = "pressConference";
    public static final String FEEDBACK = "feedback";
    public static final String CLOSE = "close";

    private Definitions() {
    }

    /** Which deadline of a clock a rate is judged on. */
    public enum Deadline {
        TARGET("target_at"), LIMIT("limit_at");

        final String column;

        Deadline(String column) {
            this.column = column;
        }

        Instant of(ClockFacts c) {
            return this == TARGET ? c.target() : c.limit();
        }
    }

    /** The stored facts of one clock. */
    public record ClockFacts(Instant target, Instant limit, Instant metAt) {
    }

    // ---- Java forms ----

    public static boolean met(ClockFacts c) {
        return c != null && c.metAt() != null;
    }

    /** Met, or the deadline has passed at {@code now}: the clock counts in the rate's denominator. */
    public static boolean decided(ClockFacts c, Deadline d, Instant now) {
        return c != null && (c.metAt() != null || !d.of(c).isAfter(now));
    }

    /** Met strictly before the deadline. */
    public static boolean onTime(ClockFacts c, Deadline d) {
        return c != null && c.metAt() != null && c.metAt().isBefore(d.of(c));
    }

    public static boolean overdue(ClockFacts c, boolean assignmentOpen, Instant now) {
        return assignmentOpen && c.metAt() == null && !c.limit().isAfter(now);
    }

    public static boolean assignmentOpen(String assignmentStatus) {
        return !"closed".equals(assignmentStatus) && !"reassigned".equals(assignmentStatus);
    }

    /** Linear-interpolated percentile of sorted values (as SQL {@code percentile_cont}); null when empty. */
    public static Double percentile(List<Double> sorted, double p) {
        if (sorted.isEmpty()) return null;
        double pos = p * (sorted.size() - 1);
        int lo = (int) Math.floor(pos);
        int hi = (int) Math.ceil(pos);
        return sorted.get(lo) + (pos - lo) * (sorted.get(hi) - sorted.get(lo));
    }

    // ---- SQL forms, over table aliases; :now is the moment of the query ----

    static String sqlCounted(String assignment) {
        return assignment + ".status <> 'reassigned'";
    }

    static String sqlOpen(String assignment) {
        return assignment + ".status not in ('closed', 'reassigned')";
    }

    static String sqlClosed(String assignment) {
        return assignment + ".status = 'closed'";
    }

    static String sqlMet(String clock) {
        return clock + ".met_at is not null";
    }

    static String sqlDecided(String clock, Deadline d) {
        return "(" + clock + ".met_at is not null or " + clock + "." + d.column + " <= :now)";
    }

    static String sqlOnTime(String clock, Deadline d) {
        return clock + ".met_at < " + clock + "." + d.column;
    }

    /** Open clocks past their limit, per assignment (a derived table with columns assignment_id, n). */
    static String sqlOverduePerAssignment() {
        return "(select assignment_id, count(*) n from tracking_clock where met_at is null and limit_at <= :now"
                + " group by assignment_id)";
    }

    /** 0/1 flag of a condition, for summing. */
    static String flag(String condition) {
        return "case when " + condition + " then 1 else 0 end";
    }

    /** Seconds between two timestamp columns, as double precision (portable H2 / PostgreSQL). */
    static String seconds(String from, String to) {
        return "cast(extract(epoch from " + to + ") - extract(epoch from " + from + ") as double precision)";
    }
}
