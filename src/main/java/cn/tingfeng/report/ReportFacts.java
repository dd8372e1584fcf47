package cn.tingfeng.report;

import static cn.tingfeng.report.Definitions.sqlCounted;
import static cn.tingfeng.report.Definitions.sqlOpen;

import cn.tingfeng.incident.triage.IncidentViews;
import cn.tingfeng.shared.ApiException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What reports quote, read as recorded (portable SQL, records only): an incident with its posts, assessment, heat,
 * assignments, clocks, responses, 批示 and the analysts' operations; and the facts of a period. Nothing is worded here.
 */
@ApplicationScoped
public class ReportFacts {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EntityManager em;
    @Inject
    IncidentViews views;
    @Inject
    StatsService stats;

    public record PostLine(String title, String url, String source, String platform, Instant publishedAt, String body) {
    }

    public record ClockLine(String key, String status, Instant target, Instant limit, Instant met) {
    }

    /** A recorded act of a unit: a response, a press conference, feedback, a close or a return. */
    public record ActLine(String type, Instant at, Instant eventTime, String channel, String text, String url, String actor) {
    }

    public record AssignmentLine(Long id, String unit, String role, String status, Instant assignedAt, List<ClockLine> clocks,
                                 List<ActLine> acts) {
    }

    public record InstructionLine(String text, String issuedBy, Instant issuedAt, Instant dueAt, Instant completedAt,
                                  String completionNote) {
    }

    /** An analyst's recorded operation on the incident (confirm, regrade, dismiss …) with its reason. */
    public record NoteLine(String kind, String reason, String detail, String actor, Instant at) {
    }

    public record IncidentFacts(Long id, String title, String summary, String grade, String category, String status,
                                Instant startedAt, String place, String sentiment, Double sentimentScore, String gradeReason,
                                String statusReason, long posts, long reposts, long sources, long platformCount,
                                boolean rising, double recentRate, double baselineRate, Instant lastPostAt,
                                long likes, long comments, long shares, long views, Map<String, Long> platforms,
                                List<PostLine> earliestPosts, List<AssignmentLine> assignments,
                                List<InstructionLine> instructions, List<NoteLine> notes) {
    }

    public record IncidentLine(Long id, String title, String grade, String category, String status, String sentiment,
                               long posts, long sources, Instant startedAt, String place, String gradeReason, boolean rising) {
    }

    public record OverdueLine(String incident, String unit, String clockKey, Instant limit) {
    }

    public record EscalationLine(String step, String clockKey, String incident, String unit, Instant at) {
    }

    public record WatchLine(IncidentLine incident, long openClocks) {
    }

    public record PeriodFacts(LocalDate from, LocalDate to, Instant start, Instant end, Stats.Report stats, long posts,
                              List<IncidentLine> top, Map<String, Long> platforms, Map<String, Long> sentiments,
                              List<IncidentLine> risks, List<OverdueLine> overdue, List<EscalationLine> escalations,
                              List<WatchLine> watch) {
    }

    public IncidentFacts incident(Long id) {
        List<Object[]> rows = rows(em.createNativeQuery("select i.id, i.title, i.summary, i.grade, i.category, i.status,"
                + " i.started_at, t.name, tr.sentiment, tr.sentiment_score, tr.grade_reason, tr.status_reason,"
                + " tr.last_post_at from incident i left join territory t on t.id = i.territory_id"
                + " left join incident_triage tr on tr.incident_id = i.id where i.id = :id and i.status <> 'merged'")
                .setParameter("id", id));
        if (rows.isEmpty()) throw ApiException.badRequest("incidentIds", "舆情事件不存在或已合并：" + id);
        Object[] r = rows.get(0);
        IncidentViews.HeatView heat = views.heat(id);
        Object[] eng = rows(em.createNativeQuery("select count(*), coalesce(sum(p.likes), 0), coalesce(sum(p.comments), 0),"
                + " coalesce(sum(p.shares), 0), coalesce(sum(p.views), 0) from incident_post ip join post p on p.id = ip.post_id"
                + " where ip.incident_id = :id").setParameter("id", id)).get(0);
        long reposts = views.posts(id).stream().filter(IncidentViews.PostRow::repost).count();
        Map<String, Long> platforms = counts(em.createNativeQuery("select p.platform, count(*) from incident_post ip"
                + " join post p on p.id = ip.post_id where ip.incident_id = :id group by p.platform order by count(*) desc,"
                + " p.platform").setParameter("id", id));
        List<PostLine> posts = new ArrayList<>();
        for (Object[] p : rows(em.createNativeQuery("select p.title, p.url, coalesce(s.name, p.author), p.platform,"
                + " coalesce(p.published_at, p.fetched_at), p.body from incident_post ip join post p on p.id = ip.post_id"
                + " left join source s on s.id = p.source_id where ip.incident_id = :id"
                + " order by coalesce(p.published_at, p.fetched_at), p.id").setParameter("id", id).setMaxResults(10))) {
            posts.add(new PostLine(s(p[0]), s(p[1]), s(p[2]), s(p[3]), instant(p[4]), s(p[5])));
        }
        List<AssignmentLine> assignments = new ArrayList<>();
        for (Object[] a : rows(em.createNativeQuery("select a.id, u.name, a.role, a.status, a.assigned_at from assignment a"
                + " join unit u on u.id = a.unit_id where a.incident_id = :id order by a.assigned_at, a.id").setParameter("id", id))) {
            Long aid = n(a[0]);
            List<ClockLine> clocks = new ArrayList<>();
            for (Object[] c : rows(em.createNativeQuery("select clock_key, status, target_at, limit_at, met_at from tracking_clock"
                    + " where assignment_id = :a order by target_at, id").setParameter("a", aid))) {
                clocks.add(new ClockLine(s(c[0]), s(c[1]), instant(c[2]), instant(c[3]), instant(c[4])));
            }
            List<ActLine> acts = new ArrayList<>();
            for (Object[] e : rows(em.createNativeQuery("select type, at, event_time, details, reason, actor from assignment_event"
                    + " where assignment_id = :a and type in ('RESPONSE_PUBLISHED', 'PRESS_CONFERENCE_HELD', 'FEEDBACK_REPORTED',"
                    + " 'CLOSED', 'RETURNED') order by seq").setParameter("a", aid))) {
                JsonNode d = json(s(e[3]));
                String text = d.hasNonNull("text") ? d.get("text").asText() : s(e[4]);
                String channel = d.hasNonNull("channel") ? d.get("channel").asText()
                        : d.hasNonNull("spokesperson") ? "发言人：" + d.get("spokesperson").asText() : null;
                acts.add(new ActLine(s(e[0]), instant(e[1]), instant(e[2]), channel, text,
                        d.hasNonNull("url") ? d.get("url").asText() : null, s(e[5])));
            }
            assignments.add(new AssignmentLine(aid, s(a[1]), s(a[2]), s(a[3]), instant(a[4]), clocks, acts));
        }
        List<InstructionLine> instructions = new ArrayList<>();
        for (Object[] in : rows(em.createNativeQuery("select text, issued_by, issued_at, due_at, completed_at, completion_note"
                + " from leader_instruction where incident_id = :id order by issued_at, id").setParameter("id", id))) {
            instructions.add(new InstructionLine(s(in[0]), s(in[1]), instant(in[2]), instant(in[3]), instant(in[4]), s(in[5])));
        }
        List<NoteLine> notes = new ArrayList<>();
        for (Object[] o : rows(em.createNativeQuery("select kind, reason, detail, actor, done_at from incident_operation"
                + " where incident_id = :id order by done_at, id").setParameter("id", id))) {
            notes.add(new NoteLine(s(o[0]), s(o[1]), s(o[2]), s(o[3]), instant(o[4])));
        }
        return new IncidentFacts(n(r[0]), s(r[1]), s(r[2]), s(r[3]), s(r[4]), s(r[5]), instant(r[6]), s(r[7]), s(r[8]),
                r[9] == null ? null : ((Number) r[9]).doubleValue(), s(r[10]), s(r[11]), n(eng[0]), reposts,
                heat.distinctSources(), heat.distinctPlatforms(), heat.rising(), heat.recentRate(), heat.baselineRate(),
                instant(r[12]), n(eng[1]), n(eng[2]), n(eng[3]), n(eng[4]), platforms, posts, assignments, instructions, notes);
    }

    private static final String INCIDENT_LINE = "select i.id, i.title, i.grade, i.category, i.status, tr.sentiment,"
            + " (select count(*) from incident_post ip where ip.incident_id = i.id) posts, coalesce(tr.source_count, 0),"
            + " i.started_at, t.name, tr.grade_reason, coalesce(tr.rising, false)"
            + " from incident i left join incident_triage tr on tr.incident_id = i.id left join territory t on t.id = i.territory_id";
    private static final String IN_PERIOD = " i.status <> 'merged' and i.started_at >= :from and i.started_at < :to";

    public PeriodFacts period(LocalDate from, LocalDate to, java.time.ZoneId zone, Instant now) {
        Stats.Report report = stats.report(StatsQuery.of(from, to, null, null, null, null, null));
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        long posts = n(param(em.createNativeQuery("select count(distinct ip.post_id) from incident i join incident_post ip"
                + " on ip.incident_id = i.id where" + IN_PERIOD), start, end).getSingleResult());
        List<IncidentLine> top = incidents(param(em.createNativeQuery(INCIDENT_LINE + " where" + IN_PERIOD
                + " order by posts desc, i.started_at desc, i.id desc"), start, end).setMaxResults(10));
        Map<String, Long> platforms = counts(param(em.createNativeQuery("select p.platform, count(distinct p.id) from incident i"
                + " join incident_post ip on ip.incident_id = i.id join post p on p.id = ip.post_id where" + IN_PERIOD
                + " group by p.platform order by count(distinct p.id) desc, p.platform"), start, end));
        Map<String, Long> sentiments = counts(param(em.createNativeQuery("select coalesce(tr.sentiment, 'unknown') s, count(*)"
                + " from incident i left join incident_triage tr on tr.incident_id = i.id where" + IN_PERIOD
                + " group by coalesce(tr.sentiment, 'unknown') order by count(*) desc, s"), start, end));
        List<IncidentLine> risks = incidents(param(em.createNativeQuery(INCIDENT_LINE + " where" + IN_PERIOD
                + " and (tr.sentiment = 'negative' or i.grade in ('I', 'II'))"
                + " order by coalesce(i.grade, 'V'), i.started_at desc, i.id desc"), start, end).setMaxResults(20));
        List<OverdueLine> overdue = new ArrayList<>();
        for (Object[] o : rows(em.createNativeQuery("select i.title, u.name, c.clock_key, c.limit_at from tracking_clock c"
                + " join assignment a on a.id = c.assignment_id join incident i on i.id = a.incident_id"
                + " join unit u on u.id = a.unit_id where c.met_at is null and c.limit_at <= :now and " + sqlOpen("a")
                + " order by c.limit_at, c.id").setParameter("now", now).setMaxResults(30))) {
            overdue.add(new OverdueLine(s(o[0]), s(o[1]), s(o[2]), instant(o[3])));
        }
        List<EscalationLine> escalations = new ArrayList<>();
        for (Object[] o : rows(param(em.createNativeQuery("select s.step, s.clock_key, i.title, u.name, s.created_at"
                + " from supervision_record s join assignment a on a.id = s.assignment_id join incident i on i.id = a.incident_id"
                + " join unit u on u.id = a.unit_id where s.created_at >= :from and s.created_at < :to"
                + " and s.step <> 'reminder' order by s.created_at, s.id"), start, end).setMaxResults(30))) {
            escalations.add(new EscalationLine(s(o[0]), s(o[1]), s(o[2]), s(o[3]), instant(o[4])));
        }
        List<WatchLine> watch = new ArrayList<>();
        String open = "(select count(*) from tracking_clock c join assignment a on a.id = c.assignment_id"
                + " where a.incident_id = i.id and c.met_at is null and " + sqlOpen("a") + " and " + sqlCounted("a") + ")";
        Query wq = em.createNativeQuery(INCIDENT_LINE.replace(" from incident i", ", " + open + " open_clocks from incident i")
                + " where i.status in ('new', 'confirmed', 'assigned') and i.started_at < :to"
                + " and (coalesce(tr.rising, false) = true or " + open + " > 0)"
                + " order by coalesce(tr.rising, false) desc, i.started_at desc, i.id desc").setParameter("to", end).setMaxResults(10);
        for (Object[] o : rows(wq)) {
            watch.add(new WatchLine(line(o), n(o[12])));
        }
        return new PeriodFacts(from, to, start, end, report, posts, top, platforms, sentiments, risks, overdue, escalations, watch);
    }

    /** An incident to choose for a 快报 or 专报. */
    public record Choice(Long id, String title, String grade, String status, Instant startedAt) {
    }

    /** The columns of a {@link Choice}, read by {@link #choice}. */
    private static final String CHOICE = "select id, title, grade, status, started_at from incident";

    /**
     * The incidents the issue form offers: those already chosen (whatever their age), then the newest {@code n} whose
     * title contains {@code find} (or is the incident number typed, with or without #), or simply the newest {@code n}.
     */
    public List<Choice> incidentChoices(String find, List<Long> chosen, int n) {
        java.util.LinkedHashMap<Long, Choice> out = new java.util.LinkedHashMap<>();
        if (chosen != null && !chosen.isEmpty()) {
            for (Object[] o : rows(em.createNativeQuery(CHOICE + " where id in (?1) order by started_at desc, id desc")
                    .setParameter(1, chosen.stream().limit(200).toList()))) {
                out.put(n(o[0]), choice(o));
            }
        }
        String f = find == null ? "" : find.strip();
        if (f.isEmpty()) {
            for (Choice c : recentIncidents(n)) out.putIfAbsent(c.id(), c);
            return new ArrayList<>(out.values());
        }
        Long number = f.matches("#?\\d{1,18}") ? Long.valueOf(f.replace("#", "")) : null;
        String like = cn.tingfeng.shared.text.SqlLike.contains(f.toLowerCase());
        for (Object[] o : rows(em.createNativeQuery(CHOICE
                + " where status not in ('merged', 'dismissed') and (lower(title) like ?1 escape '!' or id = ?2)"
                + " order by started_at desc, id desc").setParameter(1, like).setParameter(2, number == null ? -1L : number)
                .setMaxResults(n))) {
            out.putIfAbsent(n(o[0]), choice(o));
        }
        return new ArrayList<>(out.values());
    }

    /** The most recently started incidents that a report can be about (not merged, not dismissed). */
    private List<Choice> recentIncidents(int n) {
        List<Choice> out = new ArrayList<>();
        for (Object[] o : rows(em.createNativeQuery(CHOICE + " where status not in ('merged', 'dismissed')"
                + " order by started_at desc, id desc").setMaxResults(n))) {
            out.add(choice(o));
        }
        return out;
    }

    private static Choice choice(Object[] o) {
        return new Choice(n(o[0]), s(o[1]), s(o[2]), s(o[3]), instant(o[4]));
    }

    /** Titles of the incidents created in [from, to) — what the 定时零汇报 alert counts (ZeroReportService). */
    public List<String> createdBetween(Instant from, Instant to) {
        return em.createQuery("select i.title from Incident i where i.createdAt >= ?1 and i.createdAt < ?2"
                + " order by i.createdAt, i.id", String.class).setParameter(1, from).setParameter(2, to).getResultList();
    }

    // ---- helpers ----

    private static Query param(Query q, Instant from, Instant to) {
        return q.setParameter("from", from).setParameter("to", to);
    }

    private List<IncidentLine> incidents(Query q) {
        return rows(q).stream().map(ReportFacts::line).toList();
    }

    private static IncidentLine line(Object[] o) {
        return new IncidentLine(n(o[0]), s(o[1]), s(o[2]), s(o[3]), s(o[4]), s(o[5]), n(o[6]), n(o[7]), instant(o[8]),
                s(o[9]), s(o[10]), Boolean.TRUE.equals(o[11]));
    }

    private static Map<String, Long> counts(Query q) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (Object[] r : rows(q)) m.put(r[0] == null ? "" : r[0].toString(), n(r[1]));
        return m;
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(Query q) {
        return q.getResultList();
    }

    private static JsonNode json(String s) {
        if (s == null || s.isBlank()) return JSON.createObjectNode();
        try {
            return JSON.readTree(s);
        } catch (Exception e) {
            return JSON.createObjectNode();
        }
    }

    private static String s(Object o) {
        return o == null ? null : o.toString();
    }

    private static long n(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    static Instant instant(Object o) {
        if (o instanceof Instant i) return i;
        if (o instanceof java.time.OffsetDateTime t) return t.toInstant();
        if (o instanceof java.sql.Timestamp t) return t.toInstant();
        if (o instanceof java.time.ZonedDateTime z) return z.toInstant();
        return o == null ? null : Instant.parse(o.toString());
    }
}
