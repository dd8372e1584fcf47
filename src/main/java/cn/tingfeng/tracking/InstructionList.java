package cn.tingfeng.tracking;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * 领导批示 as lists with their completion status, in one query each: the instruction's own clock
 * ({@code instruction:<id>}, kept by the tracker) judged by {@link ClockDeriver#sqlStatus} at now — 按时完成 / 超时完成
 * (late, breached) / 进行中 / 已超期 (warning, overdue).
 */
@ApplicationScoped
public class InstructionList {
    /** One 批示: {@code status} is a {@link ClockStatus} code of its clock (null when the clock is missing). */
    public record Row(Long id, Long incidentId, String incidentTitle, String unitName, String text, String issuedBy,
                      Instant issuedAt, Instant dueAt, Instant limitAt, Instant completedAt, String completedBy,
                      String completionNote, String status) {
        public boolean done() {
            return completedAt != null;
        }

        /** Completed before its limit, or open and its limit not reached. */
        public boolean onTime() {
            return status == null || status.equals("met") || status.equals("pending");
        }
    }

    @Inject
    EntityManager em;
    @Inject
    Clock clock;

    /** The instructions a leader issued, newest first, at most {@code limit}. */
    @Transactional
    public List<Row> issuedBy(String username, int limit) {
        return rows("li.issued_by = :who", username, limit);
    }

    /** All instructions (administrator, supervision office), newest first, at most {@code limit}. */
    @Transactional
    public List<Row> all(int limit) {
        return rows("1 = 1", null, limit);
    }

    /** The instructions on one incident, oldest first. */
    @Transactional
    public List<Row> ofIncident(Long incidentId) {
        List<Row> r = new ArrayList<>(rows("li.incident_id = :who", incidentId, 500));
        java.util.Collections.reverse(r);
        return r;
    }

    private List<Row> rows(String where, Object who, int limit) {
        String sql = "select li.id, li.incident_id, i.title, u.name, li.text, li.issued_by, li.issued_at, li.due_at,"
                + " c.limit_at, li.completed_at, li.completed_by, li.completion_note,"
                + " case when c.id is null then null else " + ClockDeriver.sqlStatus("c") + " end"
                + " from leader_instruction li join incident i on i.id = li.incident_id"
                + " join assignment a on a.id = li.assignment_id join unit u on u.id = a.unit_id"
                + " left join tracking_clock c on c.assignment_id = li.assignment_id"
                + " and c.clock_key = 'instruction:' || cast(li.id as varchar(20))"
                + " where " + where + " order by li.issued_at desc, li.id desc";
        Query q = em.createNativeQuery(sql).setParameter("now", clock.instant()).setMaxResults(limit);
        if (who != null) q.setParameter("who", who);
        List<Row> out = new ArrayList<>();
        for (Object o : q.getResultList()) {
            Object[] r = (Object[]) o;
            out.add(new Row(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2], (String) r[3],
                    (String) r[4], (String) r[5], instant(r[6]), instant(r[7]), instant(r[8]), instant(r[9]), (String) r[10],
                    (String) r[11], (String) r[12]));
        }
        return out;
    }

    private static Instant instant(Object o) {
        if (o instanceof Instant i) return i;
        if (o instanceof java.time.OffsetDateTime t) return t.toInstant();
        if (o instanceof java.sql.Timestamp t) return t.toInstant();
        if (o instanceof java.time.ZonedDateTime z) return z.toInstant();
        return o == null ? null : Instant.parse(o.toString());
    }
}
