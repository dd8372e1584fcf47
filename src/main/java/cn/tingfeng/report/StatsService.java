package cn.tingfeng.report;

import static cn.tingfeng.report.Definitions.*;

import cn.tingfeng.jurisdiction.Territory;
import cn.tingfeng.jurisdiction.TerritoryRepository;
import cn.tingfeng.shared.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The statistics of issue 11, computed in SQL (aggregates over the tracker's stored clocks, assignments, supervision
 * records, instructions and events; no clock row is loaded into an object). The rules are those of
 * {@link Definitions}; the period selects incidents by their start ({@code from} 00:00 to {@code to} 24:00 in the
 * configured zone) and every figure is about those incidents, judged at the moment of the query. The annual table
 * counts responses and press conferences by their own time instead. Portable SQL (H2 in PostgreSQL mode, PostgreSQL).
 */
@ApplicationScoped
public class StatsService {
    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    ReportConfig config;
    @Inject
    TerritoryRepository territories;

    /** The SQL conditions and parameters of one query's scope. */
    record Where(String incident, String incidentNoPeriod, String assignment, Map<String, Object> params) {
        /** A native query of {@code sql} with those of the parameters it names. */
        Query query(EntityManager em, String sql) {
            Query q = em.createNativeQuery(sql);
            params.forEach((k, v) -> {
                if (java.util.regex.Pattern.compile(":" + k + "\\b").matcher(sql).find()) q.setParameter(k, v);
            });
            return q;
        }
    }

    @Transactional
    public Stats.Report report(StatsQuery q) {
        Instant now = clock.instant();
        Where w = where(q, now);
        Map<LocalDate, Stats.Counts> daily = daily(w);
        Stats.Counts total = daily.values().stream().reduce(Stats.Counts.ZERO, Stats.Counts::plus);
        return new Stats.Report(now, new Stats.Scope(q.from(), q.to(), q.county(), q.unitId(), q.grade(), q.category(), q.planId()),
                total.figures(), byUnit(w), byCounty(w), Trends.of(q.from(), q.to(), daily), escalations(w),
                instructions(w), durations(w), annual(q, w),
                Map.of("floor", config.floor(), "minCount", config.minCount(), "zone", config.zone().getId(),
                        "period", "incidents started from 00:00 of 'from' to 24:00 of 'to'"));
    }

    /**
     * The figures the leaders' dashboard shows: as {@link #report} without the durations and the annual table (null),
     * so with four queries fewer; every figure is the same as {@code /api/stats}'.
     */
    @Transactional
    public Stats.Report overview(StatsQuery q) {
        Instant now = clock.instant();
        Where w = where(q, now);
        Map<LocalDate, Stats.Counts> daily = daily(w);
        Stats.Counts total = daily.values().stream().reduce(Stats.Counts.ZERO, Stats.Counts::plus);
        return new Stats.Report(now, new Stats.Scope(q.from(), q.to(), q.county(), q.unitId(), q.grade(), q.category(), q.planId()),
                total.figures(), byUnit(w), byCounty(w), Trends.of(q.from(), q.to(), daily), escalations(w),
                instructions(w), null, null, Map.of("floor", config.floor(), "minCount", config.minCount(),
                        "zone", config.zone().getId()));
    }

    @Transactional
    public Stats.AnnualTable annual(StatsQuery q) {
        return annual(q, where(q, clock.instant()));
    }

    @Transactional
    public List<Stats.RankRow> byUnit(StatsQuery q) {
        return byUnit(where(q, clock.instant()));
    }

    @Transactional
    public List<Stats.RankRow> byCounty(StatsQuery q) {
        return byCounty(where(q, clock.instant()));
    }

    /** Drill-down measures: which incidents of the scope a figure counts (the same flags as the figures). */
    public static final Map<String, String> MEASURES = Map.of(
            "assigned", "1 = 1",
            "responded", "max(fr_met) = 1",
            "lateTarget", "max(t_dec) = 1 and max(t_ok) = 0",
            "lateLimit", "max(l_dec) = 1 and max(l_ok) = 0",
            "pressMissed", "max(pc_dec) = 1 and max(pc_ok) = 0",
            "notFedBack", "min(fb_met) = 0",
            "notCompleted", "min(done) = 0",
            "completed", "min(done) = 1",
            "overdue", "sum(ovd) > 0");

    /** An incident behind a figure. */
    public record IncidentRow(Long id, String title, String grade, String status, Instant startedAt) {
    }

    /**
     * The incidents of the scope (measure null or "all") or those a measure counts, newest start first, at most
     * {@code limit}.
     */
    @Transactional
    public List<IncidentRow> incidents(StatsQuery q, String measure, int limit) {
        Where w = where(q, clock.instant());
        String ids;
        if (measure == null || measure.isBlank() || measure.equals("all")) {
            ids = "select i.id from incident i where " + w.incident()
                    + (w.assignment().isEmpty() ? "" : " and exists (select 1 from assignment a join unit u on u.id = a.unit_id"
                    + " where a.incident_id = i.id and " + sqlCounted("a") + w.assignment() + ")");
        } else {
            String having = MEASURES.get(measure);
            if (having == null) throw ApiException.badRequest("measure", "未知的统计项：" + measure);
            ids = "select inc from (" + flags(w) + ") y group by inc having " + having;
        }
        String sql = "select i.id, i.title, i.grade, i.status, i.started_at from incident i where i.id in (" + ids + ")"
                + " order by i.started_at desc, i.id desc";
        List<IncidentRow> out = new ArrayList<>();
        for (Object[] r : rows(w.query(em, sql).setMaxResults(limit))) {
            out.add(new IncidentRow(n(r[0]), (String) r[1], (String) r[2], (String) r[3], instant(r[4])));
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

    // ---- scope ----

    Where where(StatsQuery q, Instant now) {
        Map<String, Object> p = new HashMap<>();
        p.put("from", q.from().atStartOfDay(config.zone()).toInstant());
        p.put("to", q.to().plusDays(1).atStartOfDay(config.zone()).toInstant());
        p.put("now", now);
        StringBuilder inc = new StringBuilder("i.status <> 'merged'");
        if (q.grade() != null) {
            inc.append(" and i.grade = :grade");
            p.put("grade", q.grade());
        }
        if (q.category() != null) {
            inc.append(" and i.category = :category");
            p.put("category", q.category());
        }
        if (q.planId() != null) {
            inc.append(" and exists (select 1 from incident_post ip join post_match pm on pm.post_id = ip.post_id"
                    + " where ip.incident_id = i.id and pm.plan_id = :plan)");
            p.put("plan", q.planId());
        }
        StringBuilder asg = new StringBuilder();
        if (q.unitId() != null) {
            asg.append(" and a.unit_id = :unit");
            p.put("unit", q.unitId());
        }
        if (q.county() != null) {
            asg.append(" and u.territory_id = :county");
            p.put("county", county(q.county()).id);
        }
        String noPeriod = inc.toString();
        String withPeriod = noPeriod + " and i.started_at >= :from and i.started_at < :to";
        return new Where(withPeriod, noPeriod, asg.toString(), p);
    }

    private Territory county(String county) {
        return territories.findByCode(county)
                .or(() -> territories.find("name", county).firstResultOptional())
                .or(() -> county.matches("\\d{1,18}") ? territories.findByIdOptional(Long.valueOf(county)) : java.util.Optional.empty())
                .orElseThrow(() -> ApiException.badRequest("county", "未知的区县：" + county));
    }

    /** The local date (epoch day in the configured zone) of the incident start, as SQL. */
    private String day() {
        int offset = config.zone().getRules().getOffset(clock.instant()).getTotalSeconds();
        return "floor((extract(epoch from i.started_at) + " + offset + ") / 86400)";
    }

    /** One row per counted assignment in scope, with 0/1 flags of every definition. */
    private String flags(Where w) {
        return "select a.id aid, a.incident_id inc, a.unit_id unit_id, u.name unit_name, u.territory_id county_id,"
                + " t.name county_name, " + day() + " d,"
                + " " + flag("fr.id is not null") + " fr_req,"
                + " " + flag(sqlMet("fr")) + " fr_met,"
                + " " + flag(sqlDecided("fr", Deadline.TARGET)) + " t_dec,"
                + " " + flag(sqlOnTime("fr", Deadline.TARGET)) + " t_ok,"
                + " " + flag(sqlDecided("fr", Deadline.LIMIT)) + " l_dec,"
                + " " + flag(sqlOnTime("fr", Deadline.LIMIT)) + " l_ok,"
                + " " + flag("pc.id is not null") + " pc_req,"
                + " " + flag(sqlDecided("pc", Deadline.LIMIT)) + " pc_dec,"
                + " " + flag(sqlOnTime("pc", Deadline.LIMIT)) + " pc_ok,"
                + " " + flag(sqlMet("fb")) + " fb_met,"
                + " " + flag(sqlClosed("a")) + " done,"
                + " case when " + sqlOpen("a") + " then coalesce(ov.n, 0) else 0 end ovd"
                + " from assignment a join incident i on i.id = a.incident_id join unit u on u.id = a.unit_id"
                + " join territory t on t.id = u.territory_id"
                + " left join tracking_clock fr on fr.assignment_id = a.id and fr.clock_key = '" + FIRST_RESPONSE + "'"
                + " left join tracking_clock pc on pc.assignment_id = a.id and pc.clock_key = '" + PRESS_CONFERENCE + "'"
                + " left join tracking_clock fb on fb.assignment_id = a.id and fb.clock_key = '" + FEEDBACK + "'"
                + " left join " + sqlOverduePerAssignment() + " ov on ov.assignment_id = a.id"
                + " where " + sqlCounted("a") + " and " + w.incident() + w.assignment();
    }

    private static final String SUMS = "sum(fr_req), sum(fr_met), sum(t_dec), sum(t_ok), sum(l_dec), sum(l_ok),"
            + " sum(pc_req), sum(pc_dec), sum(pc_ok), sum(fb_met), sum(done), sum(ovd)";

    /** Incident-level counts per day of start: an incident responded/on time when its lead is, fed back/completed when all are. */
    private Map<LocalDate, Stats.Counts> daily(Where w) {
        Map<LocalDate, Long> incidents = new HashMap<>();
        String incSql = "select d, count(*) from (select " + day() + " d from incident i where " + w.incident()
                + (w.assignment().isEmpty() ? "" : " and exists (select 1 from assignment a join unit u on u.id = a.unit_id"
                + " where a.incident_id = i.id and " + sqlCounted("a") + w.assignment() + ")")
                + ") x group by d";
        for (Object[] r : rows(w.query(em, incSql))) {
            incidents.put(LocalDate.ofEpochDay(n(r[0])), n(r[1]));
        }
        String sql = "select d, count(*), sum(fr_req), sum(fr_met), sum(t_dec), sum(t_ok), sum(l_dec), sum(l_ok),"
                + " sum(pc_req), sum(pc_dec), sum(pc_ok), sum(fed), sum(done), sum(ovd) from ("
                + "select inc, d, max(fr_req) fr_req, max(fr_met) fr_met, max(t_dec) t_dec, max(t_ok) t_ok,"
                + " max(l_dec) l_dec, max(l_ok) l_ok, max(pc_req) pc_req, max(pc_dec) pc_dec, max(pc_ok) pc_ok,"
                + " min(fb_met) fed, min(done) done, sum(ovd) ovd from (" + flags(w) + ") y group by inc, d) x group by d";
        Map<LocalDate, Stats.Counts> daily = new HashMap<>();
        for (Object[] r : rows(w.query(em, sql))) {
            LocalDate d = LocalDate.ofEpochDay(n(r[0]));
            daily.put(d, counts(incidents.getOrDefault(d, 0L), r, 1));
        }
        incidents.forEach((d, n) -> daily.putIfAbsent(d, Stats.Counts.ZERO.plus(
                new Stats.Counts(n, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))));
        return daily;
    }

    private List<Stats.RankRow> byUnit(Where w) {
        String sql = "select unit_id, unit_name, county_name, count(distinct inc), count(*), " + SUMS
                + " from (" + flags(w) + ") x group by unit_id, unit_name, county_name";
        List<Rankings.Group> groups = new ArrayList<>();
        for (Object[] r : rows(w.query(em, sql))) {
            groups.add(new Rankings.Group(n(r[0]), (String) r[1], (String) r[2], counts(n(r[3]), r, 4)));
        }
        return Rankings.rank(groups, config.floor(), config.minCount());
    }

    private List<Stats.RankRow> byCounty(Where w) {
        String sql = "select county_id, county_name, count(distinct inc), count(*), " + SUMS
                + " from (" + flags(w) + ") x group by county_id, county_name";
        List<Rankings.Group> groups = new ArrayList<>();
        for (Object[] r : rows(w.query(em, sql))) {
            groups.add(new Rankings.Group(n(r[0]), (String) r[1], (String) r[1], counts(n(r[2]), r, 3)));
        }
        return Rankings.rank(groups, config.floor(), config.minCount());
    }

    /** Counts from {@code r[i..]}: assigned, then the twelve sums in the order of {@link #SUMS}. */
    private static Stats.Counts counts(long incidents, Object[] r, int i) {
        return new Stats.Counts(incidents, n(r[i]), n(r[i + 1]), n(r[i + 2]), n(r[i + 3]), n(r[i + 4]), n(r[i + 5]),
                n(r[i + 6]), n(r[i + 7]), n(r[i + 8]), n(r[i + 9]), n(r[i + 10]), n(r[i + 11]), n(r[i + 12]));
    }

    private Stats.Escalations escalations(Where w) {
        Map<String, Long> by = new HashMap<>();
        String sql = "select sr.step, count(*) from supervision_record sr join assignment a on a.id = sr.assignment_id"
                + " join incident i on i.id = a.incident_id join unit u on u.id = a.unit_id"
                + " where " + w.incident() + w.assignment() + " group by sr.step";
        for (Object[] r : rows(w.query(em, sql))) by.put((String) r[0], n(r[1]));
        return new Stats.Escalations(by.getOrDefault("reminder", 0L), by.getOrDefault("urge", 0L),
                by.getOrDefault("supervise", 0L), by.getOrDefault("accountability", 0L));
    }

    private Stats.Instructions instructions(Where w) {
        String sql = "select count(distinct li.incident_id),"
                + " count(distinct case when i.status = 'closed' then li.incident_id end), count(*),"
                + " sum(" + flag("li.completed_at is not null") + "), sum(" + flag(sqlOnTime("c", Deadline.LIMIT)) + ")"
                + " from leader_instruction li join incident i on i.id = li.incident_id"
                + " join assignment a on a.id = li.assignment_id join unit u on u.id = a.unit_id"
                + " left join tracking_clock c on c.assignment_id = li.assignment_id"
                + " and c.clock_key = 'instruction:' || cast(li.id as varchar(20))"
                + " where " + w.incident() + w.assignment();
        Object[] r = rows(w.query(em, sql)).get(0);
        Rate closed = new Rate(n(r[1]), n(r[0]));
        return new Stats.Instructions(n(r[0]), n(r[1]), closed.percent() == null ? null : Double.valueOf(closed.percent()),
                n(r[2]), n(r[3]), n(r[4]));
    }

    private Stats.Durations durations(Where w) {
        String base = " from assignment a join incident i on i.id = a.incident_id join unit u on u.id = a.unit_id ";
        String scope = " and " + sqlCounted("a") + " and " + w.incident() + w.assignment();
        return new Stats.Durations(
                duration(w, "select " + seconds("a.assigned_at", "c.met_at") + " s" + base
                        + "join tracking_clock c on c.assignment_id = a.id and c.clock_key = '" + ACK + "'"
                        + " where c.met_at is not null" + scope),
                duration(w, "select " + seconds("i.started_at", "c.met_at") + " s" + base
                        + "join tracking_clock c on c.assignment_id = a.id and c.clock_key = '" + FIRST_RESPONSE + "'"
                        + " where c.met_at is not null" + scope),
                duration(w, "select " + seconds("a.assigned_at", "ce.closed_at") + " s" + base
                        + "join (select assignment_id, max(at) closed_at from assignment_event where type = 'CLOSED'"
                        + " group by assignment_id) ce on ce.assignment_id = a.id where " + sqlClosed("a") + scope));
    }

    private Stats.Duration duration(Where w, String values) {
        String sql = "select count(*), percentile_cont(0.5) within group (order by s),"
                + " percentile_cont(0.9) within group (order by s) from (" + values + ") x";
        Object[] r = rows(w.query(em, sql)).get(0);
        return new Stats.Duration(n(r[0]), d(r[1]), d(r[2]));
    }

    /** The annual report's table for events (responses, press conferences) whose own time falls in the period. */
    private Stats.AnnualTable annual(StatsQuery q, Where w) {
        String resp = "e.type = 'RESPONSE_PUBLISHED'";
        String press = "e.type = 'PRESS_CONFERENCE_HELD'";
        String sql = "select count(distinct a.incident_id),"
                + " sum(" + flag(press) + "), sum(" + flag(press + " and e.principal_leader = true") + "),"
                + " sum(" + flag(resp + " and e.channel_kind = 'interview'") + "),"
                + " sum(" + flag(resp + " and e.channel_kind = 'interview' and e.principal_leader = true") + "),"
                + " sum(" + flag(resp + " and e.channel_kind = 'interpretation'") + "),"
                + " count(distinct case when " + resp + " and e.channel_kind in ('weibo', 'wechat') then a.incident_id end),"
                + " count(distinct case when " + resp + " and (e.channel_kind is null or e.channel_kind in ('website', 'media', 'other'))"
                + " then a.incident_id end)"
                + " from assignment_event e join assignment a on a.id = e.assignment_id"
                + " join incident i on i.id = a.incident_id join unit u on u.id = a.unit_id"
                + " where e.type in ('RESPONSE_PUBLISHED', 'PRESS_CONFERENCE_HELD') and e.event_time >= :from and e.event_time < :to"
                + " and " + w.incidentNoPeriod() + w.assignment();
        Object[] r = rows(w.query(em, sql)).get(0);
        return new Stats.AnnualTable(q.from(), q.to(), n(r[0]), n(r[1]), n(r[2]), n(r[3]), n(r[4]), n(r[5]), n(r[6]), n(r[7]));
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(Query q) {
        return q.getResultList();
    }

    private static long n(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    private static Double d(Object o) {
        return o == null ? null : Math.round(((Number) o).doubleValue() * 1000) / 1000.0;
    }
}
