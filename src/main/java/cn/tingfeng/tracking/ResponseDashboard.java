package cn.tingfeng.tracking;

import cn.tingfeng.shared.Grade;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The leader's 回应率看板: incidents by grade and status, obligation clocks by status (derived at "now", as the
 * tracker does), and three rates. 回应及时率: first-response clocks met before their target ÷ those whose target has
 * passed or that are met. 反馈率: incidents under handling (an assignment that was not reassigned) with feedback
 * reported by a unit ÷ incidents under handling. 办结率: of those, the incidents closed. An unmet clock of a closed
 * assignment has stopped: it is counted under {@link #STOPPED}, never as running (进行中 / 已超时). Every figure is
 * an SQL aggregate (no clock row is loaded into an object); the clock status in SQL is {@link ClockDeriver#sqlStatus}.
 */
@ApplicationScoped
public class ResponseDashboard {
    /** The bucket of unmet clocks whose assignment was closed (已停止). */
    public static final String STOPPED = "stopped";
    public static final List<String> INCIDENT_STATUSES = List.of("new", "confirmed", "assigned", "closed", "dismissed");

    public record Rate(long count, long of) {
        /** Percent with two decimals, or null when there is nothing to count. */
        public String percent() {
            return of == 0 ? null : String.format("%.2f", 100.0 * count / of);
        }
    }

    public record GradeRow(String grade, Map<String, Long> byStatus, long total) {
    }

    /** Clock counts of one obligation (ack, firstResponse …) by status code. */
    public record ClockRow(String clock, Map<String, Long> byStatus, long total) {
    }

    public record Dashboard(Instant at, List<GradeRow> incidents, List<ClockRow> clocks, Map<String, Long> clockTotals,
                            Rate onTimeResponse, Rate feedback, Rate completion) {
    }

    @Inject
    EntityManager em;
    @Inject
    Clock clock;

    @Transactional
    public Dashboard dashboard() {
        Instant now = clock.instant();
        Map<String, Map<String, Long>> byGrade = new LinkedHashMap<>();
        for (Grade g : Grade.values()) {
            byGrade.put(g.name(), zeros(INCIDENT_STATUSES));
        }
        byGrade.put("未定级", zeros(INCIDENT_STATUSES));
        for (Object[] r : em.createQuery("select i.grade, i.status, count(i) from Incident i where i.status <> 'merged'"
                + " group by i.grade, i.status", Object[].class).getResultList()) {
            String g = r[0] == null ? "未定级" : ((Grade) r[0]).name();
            byGrade.get(g).merge((String) r[1], ((Number) r[2]).longValue(), Long::sum);
        }
        List<GradeRow> incidents = new ArrayList<>();
        byGrade.forEach((g, m) -> incidents.add(new GradeRow(g, m, m.values().stream().mapToLong(Long::longValue).sum())));

        List<String> codes = new ArrayList<>(java.util.Arrays.stream(ClockStatus.values()).map(ClockStatus::code).toList());
        codes.add(STOPPED);
        Map<String, Map<String, Long>> byClock = new LinkedHashMap<>();
        Map<String, Long> totals = zeros(codes);
        // one aggregate in SQL (the rule of ClockDeriver.status; an unmet clock of a closed assignment has stopped);
        // the 批示 clocks (instruction:<id>) are one row
        String bucket = "case when c.met_at is null and a.status = 'closed' then '" + STOPPED + "' else "
                + ClockDeriver.sqlStatus("c") + " end";
        String sql = "select k, b, count(*) from (select case when c.clock_key like 'instruction:%' then 'instruction'"
                + " else c.clock_key end k, " + bucket + " b from tracking_clock c join assignment a on a.id = c.assignment_id"
                + " where a.status <> 'reassigned') x group by k, b order by k";
        long responseDue = 0;
        long responseOnTime = 0;
        for (Object[] r : rows(em.createNativeQuery(sql).setParameter("now", now))) {
            String key = (String) r[0];
            String b = (String) r[1];
            long n = ((Number) r[2]).longValue();
            byClock.computeIfAbsent(key, k -> zeros(codes)).merge(b, n, Long::sum);
            totals.merge(b, n, Long::sum);
            if ("firstResponse".equals(key) && !ClockStatus.PENDING.code().equals(b)) {
                responseDue += n; // a stopped one was due and never met
                responseOnTime += ClockStatus.MET.code().equals(b) ? n : 0;
            }
        }
        List<ClockRow> clocks = new ArrayList<>();
        byClock.forEach((k, m) -> clocks.add(new ClockRow(k, m, m.values().stream().mapToLong(Long::longValue).sum())));

        Object[] h = (Object[]) em.createNativeQuery("select count(distinct a.incident_id),"
                + " count(distinct case when i.status = 'closed' then a.incident_id end),"
                + " count(distinct case when fb.met_at is not null then a.incident_id end)"
                + " from assignment a join incident i on i.id = a.incident_id"
                + " left join tracking_clock fb on fb.assignment_id = a.id and fb.clock_key = 'feedback'"
                + " where a.status <> 'reassigned'").getSingleResult();
        long handled = ((Number) h[0]).longValue();
        return new Dashboard(now, incidents, clocks, totals, new Rate(responseOnTime, responseDue),
                new Rate(((Number) h[2]).longValue(), handled), new Rate(((Number) h[1]).longValue(), handled));
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(jakarta.persistence.Query q) {
        return q.getResultList();
    }

    private static Map<String, Long> zeros(List<String> keys) {
        Map<String, Long> m = new LinkedHashMap<>();
        keys.forEach(k -> m.put(k, 0L));
        return m;
    }
}
