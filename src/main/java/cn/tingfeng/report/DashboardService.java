package cn.tingfeng.report;

import static cn.tingfeng.report.Definitions.*;

import cn.tingfeng.incident.assess.Art18Category;
import cn.tingfeng.shared.ApiException;
import cn.tingfeng.shared.Grade;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * The leaders' dashboard (docs/reports.md, "Leaders' dashboard"): the figures of {@link StatsService#overview} (the
 * same definitions and SQL as {@code /api/stats}) and, in SQL as well, the distributions by grade and category, the
 * overdue list, escalations by step and the 批示 open and done. Nothing is loaded row by row into objects: each part
 * is one aggregate query (the overdue list is limited).
 *
 * <p>A result is kept for {@link DashboardConfig#cache()} (default 15 s; 0 = off) per query: the 大屏 and many leaders
 * opening the same page ask the same question; see {@link #data}. {@code at} says when it was computed.
 */
@ApplicationScoped
public class DashboardService {
    /** Drill-down measures of the dashboard besides {@link StatsService#MEASURES}, with their Chinese titles. */
    public static final Map<String, String> DRILLS = Map.of(
            "escalated-reminder", "已提醒的事件", "escalated-urge", "已催办的事件", "escalated-supervise", "已督办的事件",
            "escalated-accountability", "已问责的事件", "instructionOpen", "领导批示未完成的事件",
            "instructionOpenOverdue", "领导批示已超期未完成的事件", "instructionDone", "领导批示已完成的事件",
            "instructionDoneLate", "领导批示超期完成的事件");
    static final int TOP_UNITS = 20;

    @Inject
    StatsService stats;
    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    DashboardConfig config;
    @Inject
    com.fasterxml.jackson.databind.ObjectMapper json;

    /** A computed dashboard with its JSON, written once (the cache serves the bytes: nothing to serialise per request). */
    private record Rendered(Dashboard.Data data, byte[] json, String etag) {
    }

    /** The dashboard's JSON and its entity tag (a hash of the bytes: equal figures, equal tag). */
    public record Json(byte[] body, String etag) {
    }

    /** A computed dashboard (or the computation under way) and when it goes stale; {@code refreshing}: one at a time. */
    private static final class Cached {
        final CompletableFuture<Rendered> data;
        final long staleAt;
        final java.util.concurrent.atomic.AtomicBoolean refreshing = new java.util.concurrent.atomic.AtomicBoolean();

        Cached(CompletableFuture<Rendered> data, long staleAt) {
            this.data = data;
            this.staleAt = staleAt;
        }
    }

    private final Map<StatsQuery, Cached> cache = new ConcurrentHashMap<>();
    /** Recomputes stale dashboards off the requests (two at a time at most). */
    private final java.util.concurrent.ExecutorService refresher = java.util.concurrent.Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "dashboard-refresh");
        t.setDaemon(true);
        t.setContextClassLoader(DashboardService.class.getClassLoader());
        return t;
    });

    @jakarta.annotation.PreDestroy
    void stop() {
        refresher.shutdownNow();
    }

    /**
     * The dashboard of a query, from the cache: a fresh result as it is; a stale one too, while a background thread
     * computes the next (stale-while-revalidate: only the first request of a query ever waits, and only for one
     * computation however many ask at once). A failed computation is not kept.
     */
    public Dashboard.Data data(StatsQuery q) {
        return rendered(q).data();
    }

    /** The dashboard of a query as JSON (UTF-8), as {@link #data}. */
    public byte[] json(StatsQuery q) {
        return rendered(q).json();
    }

    /** The dashboard of a query as JSON with its entity tag, for conditional requests ({@link #respond}). */
    public Json tagged(StatsQuery q) {
        Rendered r = rendered(q);
        return new Json(r.json(), r.etag());
    }

    /**
     * The HTTP answer of a dashboard data request: 304 without a body when the client's {@code If-None-Match} names the
     * current tag (a browser revalidating its copy, the 大屏 every few seconds), else 200 with the JSON. Either way
     * {@code Cache-Control: private, no-cache}: a browser keeps the copy but asks each time; shared caches keep nothing.
     */
    public static jakarta.ws.rs.core.Response respond(Json json, String ifNoneMatch) {
        boolean same = ifNoneMatch != null && java.util.Arrays.stream(ifNoneMatch.split(","))
                .map(String::strip).map(t -> t.startsWith("W/") ? t.substring(2) : t)
                .anyMatch(t -> t.equals(json.etag()) || t.equals("*"));
        var r = same ? jakarta.ws.rs.core.Response.notModified() : jakarta.ws.rs.core.Response.ok(json.body(),
                jakarta.ws.rs.core.MediaType.APPLICATION_JSON_TYPE);
        return r.header("ETag", json.etag()).header("Cache-Control", "private, no-cache").build();
    }

    private Rendered rendered(StatsQuery q) {
        Duration cacheFor = config.cache();
        if (cacheFor.isZero() || cacheFor.isNegative()) return render(compute(q));
        long now = System.nanoTime();
        Cached entry = cache.get(q);
        if (entry == null) {
            Cached mine = new Cached(new CompletableFuture<>(), now + cacheFor.toNanos());
            entry = cache.putIfAbsent(q, mine);
            if (entry == null) {
                entry = mine;
                if (cache.size() > 500) cache.entrySet().removeIf(e -> e.getValue().staleAt - now < -cacheFor.toNanos() * 4);
                run(q, mine);
            }
        } else if (entry.staleAt - now <= 0 && entry.data.isDone() && entry.refreshing.compareAndSet(false, true)) {
            Cached stale = entry;
            Cached next = new Cached(new CompletableFuture<>(), now + cacheFor.toNanos());
            refresher.execute(() -> {
                try {
                    next.data.complete(render(compute(q)));
                    cache.put(q, next);
                } catch (RuntimeException e) {
                    stale.refreshing.set(false); // the next request tries again; the stale result stays meanwhile
                }
            });
        }
        try {
            return entry.data.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        }
    }

    private void run(StatsQuery q, Cached entry) {
        try {
            entry.data.complete(render(compute(q)));
        } catch (RuntimeException e) {
            cache.remove(q, entry);
            entry.data.completeExceptionally(e);
        }
    }

    private Rendered render(Dashboard.Data d) {
        try {
            byte[] bytes = json.writeValueAsBytes(d);
            return new Rendered(d, bytes, "\"" + cn.tingfeng.report.issue.ReportService.sha256(bytes).substring(0, 24) + "\"");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The dashboard computed now in SQL, without the cache. */
    public Dashboard.Data compute(StatsQuery q) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            Stats.Report r = stats.overview(q);
            StatsService.Where w = stats.where(q, r.at());
            long days = java.time.temporal.ChronoUnit.DAYS.between(q.from(), q.to()) + 1;
            String granularity = days <= 62 ? "day" : days <= 400 ? "week" : "month";
            List<Stats.TrendRow> rows = switch (granularity) {
                case "day" -> r.trends().day();
                case "week" -> r.trends().week();
                default -> r.trends().month();
            };
            List<Dashboard.TrendPoint> trend = new ArrayList<>();
            for (Stats.TrendRow t : rows) {
                LocalDate end = switch (granularity) {
                    case "day" -> t.start();
                    case "week" -> t.start().plusDays(6);
                    default -> t.start().plusMonths(1).minusDays(1);
                };
                LocalDate from = t.start().isBefore(q.from()) ? q.from() : t.start();
                LocalDate to = end.isAfter(q.to()) ? q.to() : end;
                Stats.Figures f = t.figures();
                trend.add(new Dashboard.TrendPoint(t.start(), from, to, f.incidents(), f.assigned(), f.responded(),
                        f.onTimeTargetRate(), f.onTimeLimitRate(), f.onTimeTarget(), f.onTimeLimit()));
            }
            List<Dashboard.Slice> counties = r.byCounty().stream()
                    .sorted(java.util.Comparator.comparingLong((Stats.RankRow c) -> c.figures().incidents()).reversed()
                            .thenComparing(Stats.RankRow::name))
                    .map(c -> new Dashboard.Slice(String.valueOf(c.id()), c.name(), c.figures().incidents(),
                            Map.of("county", String.valueOf(c.id()), "measure", "assigned")))
                    .toList();
            Stats.Escalations e = r.escalations();
            List<Dashboard.Slice> escalations = List.of(
                    step("reminder", "提醒", e.reminder()), step("urge", "催办", e.urge()),
                    step("supervise", "督办", e.supervise()), step("accountability", "问责", e.accountability()));
            return new Dashboard.Data(r.at(), r.scope(), granularity, r.figures(), trend, byGrade(w), byCategory(w), counties,
                    r.byUnit().stream().limit(TOP_UNITS).toList(), r.byUnit().size(), overdue(w), escalations,
                    instructions(w, r.instructions()), r.rules());
        });
    }

    private static Dashboard.Slice step(String step, String label, long n) {
        return new Dashboard.Slice(step, label, n, Map.of("measure", "escalated-" + step));
    }

    /** Incidents of the period and scope by grade (I..IV, then 未定级), zeros included. */
    private List<Dashboard.Slice> byGrade(StatsService.Where w) {
        Map<String, Long> n = new LinkedHashMap<>();
        for (Object[] r : rows(w.query(em, "select i.grade, count(*) from incident i where " + scoped(w) + " group by i.grade"))) {
            n.put(r[0] == null ? "" : (String) r[0], num(r[1]));
        }
        List<Dashboard.Slice> out = new ArrayList<>();
        for (Grade g : Grade.values()) {
            out.add(new Dashboard.Slice(g.name(), g.name() + " 级 " + g.label(), n.getOrDefault(g.name(), 0L),
                    Map.of("grade", g.name(), "measure", "all")));
        }
        if (n.getOrDefault("", 0L) > 0) out.add(new Dashboard.Slice("", "未定级", n.get(""), null));
        return out;
    }

    /** Incidents of the period and scope by Art. 18 category, most first (未分类 without a drill-down). */
    private List<Dashboard.Slice> byCategory(StatsService.Where w) {
        List<Dashboard.Slice> out = new ArrayList<>();
        for (Object[] r : rows(w.query(em, "select i.category, count(*) c from incident i where " + scoped(w)
                + " group by i.category order by c desc, i.category"))) {
            String code = (String) r[0];
            out.add(code == null ? new Dashboard.Slice("", "未分类", num(r[1]), null)
                    : new Dashboard.Slice(code, categoryLabel(code), num(r[1]), Map.of("category", code, "measure", "all")));
        }
        return out;
    }

    static String categoryLabel(String code) {
        try {
            return Art18Category.fromCode(code).label();
        } catch (IllegalArgumentException e) {
            return code;
        }
    }

    /** The incident conditions of the scope, with a unit or county scope as "assigned to it" (as the statistics do). */
    private static String scoped(StatsService.Where w) {
        return w.incident() + (w.assignment().isEmpty() ? "" : " and exists (select 1 from assignment a join unit u on u.id = a.unit_id"
                + " where a.incident_id = i.id and " + sqlCounted("a") + w.assignment() + ")");
    }

    /** The clocks overdue now (open assignment, not met, limit passed) of the period's incidents, longest overdue first. */
    private List<Dashboard.OverdueItem> overdue(StatsService.Where w) {
        String sql = "select i.id, i.title, i.grade, u.name, c.clock_key, c.limit_at from tracking_clock c"
                + " join assignment a on a.id = c.assignment_id join incident i on i.id = a.incident_id"
                + " join unit u on u.id = a.unit_id"
                + " where c.met_at is null and c.limit_at <= :now and " + sqlOpen("a") + " and " + w.incident() + w.assignment()
                + " order by c.limit_at, c.id";
        Instant now = (Instant) w.params().get("now");
        List<Dashboard.OverdueItem> out = new ArrayList<>();
        for (Object[] r : rows(w.query(em, sql).setMaxResults(config.overdueList()))) {
            Instant limit = instant(r[5]);
            String key = (String) r[4];
            out.add(new Dashboard.OverdueItem(num(r[0]), (String) r[1], (String) r[2], (String) r[3], key, clockLabel(key),
                    limit, Duration.between(limit, now).toMinutes()));
        }
        return out;
    }

    static String clockLabel(String key) {
        if (key == null) return "—";
        if (key.startsWith("instruction:")) return "领导批示";
        return switch (key) {
            case ACK -> "签收";
            case FIRST_RESPONSE -> "首次回应";
            case PRESS_CONFERENCE -> "新闻发布会";
            case FEEDBACK -> "反馈";
            case CLOSE -> "办结";
            default -> key;
        };
    }

    /** The 批示 of the period's incidents: open (of them past their limit) and done (of them after the limit). */
    private Dashboard.Instructions instructions(StatsService.Where w, Stats.Instructions counted) {
        String sql = "select count(*), sum(" + flag("li.completed_at is null") + "),"
                + " sum(" + flag("li.completed_at is null and c.limit_at <= :now") + "),"
                + " sum(" + flag("li.completed_at is not null") + "),"
                + " sum(" + flag("li.completed_at is not null and not (" + sqlOnTime("c", Deadline.LIMIT) + ")") + ")"
                + instructionJoins() + " where " + w.incident() + w.assignment();
        Object[] r = rows(w.query(em, sql)).get(0);
        long done = num(r[3]);
        long doneLate = num(r[4]);
        return new Dashboard.Instructions(num(r[0]), num(r[1]), num(r[2]), done, done - doneLate, doneLate,
                counted.incidents(), counted.incidentsClosed());
    }

    private static String instructionJoins() {
        return " from leader_instruction li join incident i on i.id = li.incident_id"
                + " join assignment a on a.id = li.assignment_id join unit u on u.id = a.unit_id"
                + " left join tracking_clock c on c.assignment_id = li.assignment_id"
                + " and c.clock_key = 'instruction:' || cast(li.id as varchar(20))";
    }

    /** The incidents behind one of {@link #DRILLS}, newest start first, at most {@code limit}. */
    public List<StatsService.IncidentRow> incidents(StatsQuery q, String measure, int limit) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            StatsService.Where w = stats.where(q, clock.instant());
            String ids;
            if (measure.startsWith("escalated-")) {
                String step = measure.substring("escalated-".length());
                if (!List.of("reminder", "urge", "supervise", "accountability").contains(step)) {
                    throw ApiException.badRequest("measure", "未知的统计项：" + measure);
                }
                ids = "select a.incident_id from supervision_record sr join assignment a on a.id = sr.assignment_id"
                        + " join incident i on i.id = a.incident_id join unit u on u.id = a.unit_id"
                        + " where sr.step = '" + step + "' and " + w.incident() + w.assignment();
            } else {
                String cond = switch (measure) {
                    case "instructionOpen" -> "li.completed_at is null";
                    case "instructionOpenOverdue" -> "li.completed_at is null and c.limit_at <= :now";
                    case "instructionDone" -> "li.completed_at is not null";
                    case "instructionDoneLate" -> "li.completed_at is not null and not (" + sqlOnTime("c", Deadline.LIMIT) + ")";
                    default -> throw ApiException.badRequest("measure", "未知的统计项：" + measure);
                };
                ids = "select li.incident_id" + instructionJoins() + " where " + cond + " and " + w.incident() + w.assignment();
            }
            String sql = "select i.id, i.title, i.grade, i.status, i.started_at from incident i where i.id in (" + ids + ")"
                    + " order by i.started_at desc, i.id desc";
            List<StatsService.IncidentRow> out = new ArrayList<>();
            for (Object[] r : rows(w.query(em, sql).setMaxResults(limit))) {
                out.add(new StatsService.IncidentRow(num(r[0]), (String) r[1], (String) r[2], (String) r[3], instant(r[4])));
            }
            return out;
        });
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(Query q) {
        return q.getResultList();
    }

    private static long num(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    private static Instant instant(Object o) {
        if (o instanceof Instant i) return i;
        if (o instanceof java.time.OffsetDateTime t) return t.toInstant();
        if (o instanceof java.sql.Timestamp t) return t.toInstant();
        if (o instanceof java.time.ZonedDateTime z) return z.toInstant();
        return o == null ? null : Instant.parse(o.toString());
    }
}
