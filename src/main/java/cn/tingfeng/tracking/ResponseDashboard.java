package cn.tingfeng.tracking;

import cn.tingfeng.shared.Grade;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The leader's 回应率看板: incidents by grade and status, obligation clocks by status (derived at "now", as the
 * tracker does), and three rates. 回应及时率: first-response clocks met before their target ÷ those whose target has
 * passed or that are met. 反馈率: incidents under handling (an assignment that was not reassigned) with feedback
 * reported by a unit ÷ incidents under handling. 办结率: of those, the incidents closed. An unmet clock of a closed
 * assignment has stopped: it is counted under {@link #STOPPED}, never as running (进行中 / 已超时).
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
        long responseDue = 0;
        long responseOnTime = 0;
        Set<Long> fedBack = new HashSet<>();
        for (Object[] r : em.createQuery("select c.clockKey, c.targetAt, c.limitAt, c.metAt, a.incident.id, a.status from TrackingClock c,"
                + " Assignment a where a.id = c.assignmentId and a.status <> 'reassigned'", Object[].class).getResultList()) {
            String key = (String) r[0];
            ClockStatus s = ClockDeriver.status((Instant) r[1], (Instant) r[2], (Instant) r[3], null, now);
            boolean stopped = r[3] == null && "closed".equals(r[5]);
            String bucket = stopped ? STOPPED : s.code();
            byClock.computeIfAbsent(key, k -> zeros(codes)).merge(bucket, 1L, Long::sum);
            totals.merge(bucket, 1L, Long::sum);
            if (stopped) {
                if ("firstResponse".equals(key)) responseDue++; // due and never met
                continue;
            }
            if ("firstResponse".equals(key) && s != ClockStatus.PENDING) {
                responseDue++;
                responseOnTime += s == ClockStatus.MET ? 1 : 0;
            }
            if ("feedback".equals(key) && s.isMet()) {
                fedBack.add((Long) r[4]);
            }
        }
        List<ClockRow> clocks = new ArrayList<>();
        byClock.forEach((k, m) -> clocks.add(new ClockRow(k, m, m.values().stream().mapToLong(Long::longValue).sum())));

        List<Object[]> handled = em.createQuery("select distinct a.incident.id, a.incident.status from Assignment a"
                + " where a.status <> 'reassigned'", Object[].class).getResultList();
        long closed = handled.stream().filter(r -> "closed".equals(r[1])).count();
        return new Dashboard(now, incidents, clocks, totals, new Rate(responseOnTime, responseDue),
                new Rate(fedBack.size(), handled.size()), new Rate(closed, handled.size()));
    }

    private static Map<String, Long> zeros(List<String> keys) {
        Map<String, Long> m = new LinkedHashMap<>();
        keys.forEach(k -> m.put(k, 0L));
        return m;
    }
}
