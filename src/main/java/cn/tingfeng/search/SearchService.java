package cn.tingfeng.search;

import cn.tingfeng.shared.ApiException;
import cn.tingfeng.shared.Paging;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The search over {@code post_term}: the posts that hold every term of the query (AND, a join of the terms' posting
 * lists), narrowed by the filters and by the query's substrings (quoted phrases, single characters), ranked by the
 * summed weight of the matched terms, then the newest first. Two statements per page: the count and the page, both
 * answered from the term table's covering key when no filter needs the post itself.
 */
@ApplicationScoped
public class SearchService {
    /** Most rows of one export. */
    public static final int EXPORT_MAX = 10_000;

    @Inject
    EntityManager em;
    @Inject
    SearchIndexer indexer;

    /** One hit: title and snippet are escaped HTML with the hits marked; rawTitle and plainSnippet are plain text. */
    public record Hit(long postId, Long incidentId, String title, String snippet, String source, String sourceName,
            String platform, Instant publishedAt, String url, String rawTitle, String plainSnippet) {
    }

    public record Result(long total, List<Hit> items, SearchTerms.Query query) {
    }

    /** The query and filters as sent (strings), checked; a bad one is a 400 naming the field. */
    public SearchCriteria criteria(String q, String from, String to, String source, String platform, String county, String plan,
            String sentiment, String incident) {
        return SearchCriteria.of(q, from, to, source, platform, county, plan, sentiment, incident,
                new java.util.HashSet<>(indexer.counties()));
    }

    /** A choice of a filter: the value sent and the label shown. */
    public record Option(String value, String label) {
    }

    /** The choices of the search form's filters. */
    public record Options(List<Option> sources, List<Option> platforms, List<Option> counties, List<Option> plans) {
    }

    @Transactional
    public Options options() {
        List<Option> sources = new ArrayList<>();
        for (Object o : em.createNativeQuery("select source_key, name from source order by name").getResultList()) {
            Object[] r = (Object[]) o;
            sources.add(new Option((String) r[0], (String) r[1]));
        }
        java.util.Set<String> codes = new java.util.TreeSet<>(List.of("web", "news", "weibo", "wechat", "forum", "video"));
        for (Object o : em.createNativeQuery("select distinct platform from source").getResultList()) codes.add((String) o);
        List<Option> platforms = codes.stream().map(c -> new Option(c, c)).toList();
        List<Option> counties = indexer.counties().stream().map(c -> new Option(c, c)).toList();
        List<Option> plans = new ArrayList<>();
        for (Object o : em.createNativeQuery("select id, name from monitoring_plan order by name").getResultList()) {
            Object[] r = (Object[]) o;
            plans.add(new Option(String.valueOf(((Number) r[0]).longValue()), (String) r[1]));
        }
        return new Options(sources, platforms, counties, plans);
    }

    @Transactional
    public Result search(SearchCriteria c, Paging paging) {
        SearchTerms.Query q = parse(c);
        List<Object> params = new ArrayList<>();
        String matched = matched(q, c, sourceId(c), params);
        long total = ((Number) bind(em.createNativeQuery("select count(*) from (" + matched + ") h"), params).getSingleResult())
                .longValue();
        List<Hit> hits = total <= paging.offset() ? List.of() : page(q, matched, params, paging.offset(), paging.size());
        return new Result(total, hits, q);
    }

    /** Up to {@link #EXPORT_MAX} hits in rank order, for the export. */
    @Transactional
    public Result export(SearchCriteria c) {
        SearchTerms.Query q = parse(c);
        List<Object> params = new ArrayList<>();
        String matched = matched(q, c, sourceId(c), params);
        List<Hit> hits = page(q, matched, params, 0, EXPORT_MAX);
        return new Result(hits.size(), hits, q);
    }

    /** The id of the source filter's key; -1 for a key no source has (nothing matches), null without the filter. */
    private Long sourceId(SearchCriteria c) {
        if (c.source() == null) return null;
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("select id from source where source_key = ?1").setParameter(1, c.source()).getResultList();
        return ids.isEmpty() ? -1L : ids.get(0).longValue();
    }

    private SearchTerms.Query parse(SearchCriteria c) {
        SearchTerms terms = indexer.terms();
        if (terms == null) throw new ApiException(503, "not_ready", "属地数据尚未加载，检索暂不可用");
        return terms.parse(c.q());
    }

    /**
     * The statement of the matching posts (post_id, score, published_at), its parameters appended to {@code params}.
     * The AND of the terms is a join of their posting lists on post_id (on PostgreSQL a merge join of index-only scans
     * of the covering primary key, V9_3); score and the date filter come from the term rows themselves; the county,
     * platform and source filters are terms too (V9_4). {@code post} is joined only for a substring (phrase, single
     * character).
     */
    private static String matched(SearchTerms.Query q, SearchCriteria c, Long sourceId, List<Object> params) {
        List<String> terms = new ArrayList<>(q.terms());
        if (terms.isEmpty()) throw ApiException.badRequest("q", "检索词中没有可检索的词语");
        if (c.county() != null) terms.add(SearchIndexer.COUNTY + c.county());
        if (c.platform() != null) terms.add(SearchIndexer.PLATFORM + c.platform());
        if (sourceId != null) terms.add(SearchIndexer.SOURCE + sourceId);
        StringBuilder score = new StringBuilder("t0.weight");
        StringBuilder from = new StringBuilder(" from post_term t0");
        for (int i = 1; i < terms.size(); i++) {
            score.append(" + t").append(i).append(".weight");
            from.append(" join post_term t").append(i).append(" on t").append(i).append(".post_id = t0.post_id and t").append(i)
                    .append(".term = ?");
            params.add(terms.get(i));
        }
        boolean needsPost = !q.substrings().isEmpty();
        if (needsPost) from.append(" join post p on p.id = t0.post_id");
        StringBuilder sql = new StringBuilder("select t0.post_id as post_id, ").append(score).append(" as score, t0.published_at as published_at")
                .append(from).append(" where t0.term = ?");
        params.add(terms.get(0));
        if (c.from() != null) {
            sql.append(" and t0.published_at >= ?");
            params.add(odt(c.from()));
        }
        if (c.to() != null) {
            sql.append(" and t0.published_at < ?");
            params.add(odt(c.to()));
        }
        if (c.plan() != null) {
            sql.append(" and exists (select 1 from post_match m where m.post_id = t0.post_id and m.plan_id = ?)");
            params.add(c.plan());
        }
        if (c.incident() != null) {
            sql.append(" and exists (select 1 from incident_post ip where ip.post_id = t0.post_id and ip.incident_id = ?)");
            params.add(c.incident());
        }
        if (c.sentiment() != null) {
            sql.append(" and exists (select 1 from incident_post ip join incident_triage it on it.incident_id = ip.incident_id"
                    + " where ip.post_id = t0.post_id and it.sentiment = ?)");
            params.add(c.sentiment());
        }
        for (String s : q.substrings()) {
            sql.append(" and (lower(p.title) like ? escape '!' or lower(p.body) like ? escape '!')");
            String like = "%" + s.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
            params.add(like);
            params.add(like);
        }
        return sql.toString();
    }

    /** One page in rank order (a top-N sort over the matched rows). */
    private List<Hit> page(SearchTerms.Query q, String matched, List<Object> params, int offset, int size) {
        Query page = bind(em.createNativeQuery("select h.post_id, h.score, h.published_at from ("
                + matched + ") h order by h.score desc, h.published_at desc nulls last, h.post_id desc"), params);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = page.setFirstResult(offset).setMaxResults(size).getResultList();
        if (rows.isEmpty()) return List.of();
        List<Long> ids = new ArrayList<>(rows.size());
        for (Object[] r : rows) ids.add(((Number) r[0]).longValue());
        Map<Long, Object[]> posts = new HashMap<>();
        Map<Long, Long> incidents = new HashMap<>();
        for (int from = 0; from < ids.size(); from += 500) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            @SuppressWarnings("unchecked")
            List<Object[]> ps = em.createNativeQuery("select p.id, p.title, p.body, s.source_key, s.name, p.platform, p.published_at, p.url"
                    + " from post p left join source s on s.id = p.source_id where p.id in (?1)").setParameter(1, chunk).getResultList();
            for (Object[] p : ps) posts.put(((Number) p[0]).longValue(), p);
            @SuppressWarnings("unchecked")
            List<Object[]> is = em.createNativeQuery("select ip.post_id, min(ip.incident_id) from incident_post ip"
                    + " where ip.post_id in (?1) group by ip.post_id").setParameter(1, chunk).getResultList();
            for (Object[] i : is) incidents.put(((Number) i[0]).longValue(), ((Number) i[1]).longValue());
        }
        List<Hit> hits = new ArrayList<>(ids.size());
        for (Long id : ids) {
            Object[] p = posts.get(id);
            if (p == null) continue;
            String title = (String) p[1];
            String body = (String) p[2];
            hits.add(new Hit(id, incidents.get(id), Snippets.mark(title, q.highlights()), Snippets.snippet(body, q.highlights()),
                    (String) p[3], (String) p[4], (String) p[5], instant(p[6]), (String) p[7], title, Snippets.plain(body, q.highlights())));
        }
        return hits;
    }

    private static Query bind(Query query, List<Object> params) {
        for (int i = 0; i < params.size(); i++) query.setParameter(i + 1, params.get(i));
        return query;
    }

    private static OffsetDateTime odt(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(Object o) {
        if (o == null) return null;
        if (o instanceof Instant i) return i;
        if (o instanceof OffsetDateTime odt) return odt.toInstant();
        if (o instanceof java.sql.Timestamp ts) return ts.toInstant();
        if (o instanceof java.time.ZonedDateTime z) return z.toInstant();
        throw new IllegalStateException("unexpected time type " + o.getClass());
    }
}
