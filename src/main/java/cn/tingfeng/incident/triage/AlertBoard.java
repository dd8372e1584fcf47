package cn.tingfeng.incident.triage;

import cn.tingfeng.notify.Alert;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The analyst's live alert queue as one read model: each alert with its incident's status, county and plans, filtered
 * by plan, grade, category, county, status and time; and the alerts that changed since a cursor (new ones by id,
 * handled ones by acknowledgement time), for the live stream. Read from the database, so every node of a cluster
 * sees the same queue.
 */
@ApplicationScoped
public class AlertBoard {
    /** One row of the queue. {@code status} is the incident's (new, confirmed, dismissed, assigned, closed, merged). */
    public record Row(long id, String kind, String kindLabel, Long incidentId, String title, String grade, String category,
            String summary, Instant createdAt, String ackedBy, Instant ackedAt, String status, String county,
            List<Long> planIds) {
    }

    /** What the queue shows; nulls mean "any". {@code since}: alerts created at or after it. */
    public record Filter(Long planId, String grade, String category, String county, String status, Instant since,
            boolean unackedOnly) {
        public static final Filter ALL = new Filter(null, null, null, null, null, null, false);
    }

    /**
     * Where a stream has read up to: the highest alert id seen and the open (unacknowledged) alerts it watches — at most
     * {@link #WATCHED}, the newest. Changes are found by id and by state, never by comparing times, so clocks that
     * differ between nodes (or a test's replayed clock) cannot hide a change.
     */
    public record Cursor(long lastId, java.util.Set<Long> open) {
    }

    static final int WATCHED = 2000;

    /** Alerts that changed since a cursor, and the cursor after them. */
    public record Changes(List<Row> rows, Cursor cursor) {
    }

    @Inject
    EntityManager em;

    /** The incident's county: its territory (the county of a township), else the classifier's proposed county. */
    private static final String COUNTY = "coalesce(pt.name, t.name, pr.territory)";

    private static final String SELECT = "select a.id, a.kind, a.incident_id, a.title, coalesce(i.grade, a.grade), coalesce(i.category, a.category), a.summary,"
            + " a.created_at, a.acked_by, a.acked_at, i.status, " + COUNTY
            + " from alert a left join incident i on i.id = a.incident_id"
            + " left join territory t on t.id = i.territory_id"
            + " left join territory pt on pt.id = t.parent_id and t.level = 'township'"
            + " left join incident_proposal pr on pr.incident_id = a.incident_id";

    @Transactional
    public List<Row> list(Filter f, int limit) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        java.util.Map<String, Object> params = new java.util.LinkedHashMap<>();
        if (f.unackedOnly()) {
            where.append(" and a.acked_at is null");
        }
        if (f.grade() != null) {
            where.append(" and coalesce(i.grade, a.grade) = :grade");
            params.put("grade", f.grade());
        }
        if (f.category() != null) {
            where.append(" and coalesce(i.category, a.category) = :category");
            params.put("category", f.category());
        }
        if (f.status() != null) {
            where.append(" and i.status = :status");
            params.put("status", f.status());
        }
        if (f.county() != null) {
            where.append(" and " + COUNTY + " = :county");
            params.put("county", f.county());
        }
        if (f.since() != null) {
            where.append(" and a.created_at >= :since");
            params.put("since", f.since());
        }
        if (f.planId() != null) {
            where.append(" and exists (select 1 from incident_post ip join post_match pm on pm.post_id = ip.post_id"
                    + " where ip.incident_id = a.incident_id and pm.plan_id = :plan)");
            params.put("plan", f.planId());
        }
        var q = em.createNativeQuery(SELECT + where + " order by a.id desc");
        params.forEach(q::setParameter);
        q.setMaxResults(Math.max(1, Math.min(limit, 500)));
        return rows(q.getResultList());
    }

    /** The current cursor: a new stream starts from here (it shows the page's rows, then only what changes). */
    @Transactional
    @SuppressWarnings("unchecked")
    public Cursor now() {
        long lastId = ((Number) em.createNativeQuery("select coalesce(max(id), 0) from alert").getSingleResult()).longValue();
        List<Object> open = em.createNativeQuery("select id from alert where acked_at is null order by id desc")
                .setMaxResults(WATCHED).getResultList();
        java.util.Set<Long> ids = new java.util.TreeSet<>();
        open.forEach(o -> ids.add(((Number) o).longValue()));
        return new Cursor(lastId, ids);
    }

    /** New alerts (id beyond the cursor) and watched open alerts that were acknowledged since. */
    @Transactional
    public Changes since(Cursor c) {
        List<Row> rows = new ArrayList<>(rows(em.createNativeQuery(SELECT + " where a.id > :id order by a.id")
                .setParameter("id", c.lastId()).setMaxResults(500).getResultList()));
        java.util.TreeSet<Long> open = new java.util.TreeSet<>(c.open());
        if (!open.isEmpty()) {
            rows.addAll(rows(em.createNativeQuery(SELECT + " where a.id in (:ids) and a.acked_at is not null order by a.id")
                    .setParameter("ids", open).getResultList()));
        }
        long lastId = c.lastId();
        for (Row r : rows) {
            lastId = Math.max(lastId, r.id());
            if (r.ackedAt() == null) {
                open.add(r.id());
            } else {
                open.remove(r.id());
            }
        }
        while (open.size() > WATCHED) {
            open.pollFirst();
        }
        return new Changes(rows, new Cursor(lastId, open));
    }

    @SuppressWarnings("unchecked")
    private List<Row> rows(List<?> result) {
        List<Object[]> raw = (List<Object[]>) result;
        List<Long> incidents = raw.stream().map(r -> r[2]).filter(java.util.Objects::nonNull).map(o -> ((Number) o).longValue())
                .distinct().toList();
        Map<Long, List<Long>> plans = new java.util.HashMap<>();
        if (!incidents.isEmpty()) {
            List<Object[]> pr = em.createNativeQuery("select distinct ip.incident_id, pm.plan_id from incident_post ip"
                    + " join post_match pm on pm.post_id = ip.post_id where ip.incident_id in (:ids)")
                    .setParameter("ids", incidents).getResultList();
            for (Object[] p : pr) {
                plans.computeIfAbsent(((Number) p[0]).longValue(), k -> new ArrayList<>()).add(((Number) p[1]).longValue());
            }
        }
        List<Row> rows = new ArrayList<>(raw.size());
        for (Object[] r : raw) {
            Long incident = r[2] == null ? null : ((Number) r[2]).longValue();
            String kind = (String) r[1];
            String label;
            try {
                label = Alert.Kind.valueOf(kind).label();
            } catch (IllegalArgumentException e) {
                label = kind;
            }
            rows.add(new Row(((Number) r[0]).longValue(), kind, label, incident, (String) r[3], (String) r[4], (String) r[5],
                    (String) r[6], instant(r[7]), (String) r[8], instant(r[9]), (String) r[10], (String) r[11],
                    incident == null ? List.of() : plans.getOrDefault(incident, List.of())));
        }
        return rows;
    }

    private static Instant instant(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (o instanceof Timestamp ts) {
            return ts.toInstant();
        }
        if (o instanceof java.time.ZonedDateTime z) {
            return z.toInstant();
        }
        throw new IllegalStateException("unexpected time type " + o.getClass());
    }
}
