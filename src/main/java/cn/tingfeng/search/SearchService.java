package cn.tingfeng.search;

import cn.tingfeng.shared.ApiException;
import cn.tingfeng.shared.Paging;
import cn.tingfeng.shared.text.SqlLike;
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
    @Inject
    SearchConfig config;

    /** One hit: title and snippet are escaped HTML with the hits marked; rawTitle and plainSnippet are plain text. */
    public record Hit(long postId, Long incidentId, String title, String snippet, String source, String sourceName,
            String platform, Instant publishedAt, String url, String rawTitle, String plainSnippet) {
    }

    /** {@code exact}: false when {@code total} is an estimate (a phrase over very many candidates). */
    public record Result(long total, List<Hit> items, SearchTerms.Query query, boolean exact) {
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
        Long source = sourceId(c);
        Candidates many = manyCandidates(q, c, source);
        if (many != null) return checkedInRankOrder(q, many.sql(), many.params(), many.n(), paging.offset(), paging.size());
        List<Object> params = new ArrayList<>();
        String matched = matched(q, c, source, params, true);
        long total = count(matched, params);
        List<Hit> hits = total <= paging.offset() ? List.of() : hits(q, rankedIds(matched, params, paging.offset(), paging.size()));
        return new Result(total, hits, q, true);
    }

    /** Up to {@link #EXPORT_MAX} hits in rank order, for the export. */
    @Transactional
    public Result export(SearchCriteria c) {
        SearchTerms.Query q = parse(c);
        Long source = sourceId(c);
        Candidates many = manyCandidates(q, c, source);
        if (many != null) {
            List<Long> ids = verifiedInRankOrder(q, many.sql(), many.params(), EXPORT_MAX);
            return new Result(ids.size(), hits(q, ids), q, true);
        }
        List<Object> params = new ArrayList<>();
        String matched = matched(q, c, source, params, true);
        List<Hit> hits = hits(q, rankedIds(matched, params, 0, EXPORT_MAX));
        return new Result(hits.size(), hits, q, true);
    }

    /** The posts with all the query's words (statement, parameters, how many), before its substrings are checked. */
    private record Candidates(String sql, List<Object> params, long n) {
    }

    /**
     * For a query with substrings: its candidates when there are more than {@code phrase-exact-limit} of them (the
     * substrings are then checked in rank order); null otherwise (the substrings are conditions of one statement).
     */
    private Candidates manyCandidates(SearchTerms.Query q, SearchCriteria c, Long source) {
        if (q.substrings().isEmpty()) return null;
        List<Object> params = new ArrayList<>();
        String sql = matched(q, c, source, params, false);
        long n = count(sql, params);
        return n > config.phraseExactLimit() ? new Candidates(sql, params, n) : null;
    }

    private long count(String statement, List<Object> params) {
        return ((Number) bind(em.createNativeQuery("select count(*) from (" + statement + ") h"), params).getSingleResult()).longValue();
    }

    /**
     * A phrase (or single character) over many candidates: the page is taken by checking candidates in rank order,
     * a chunk at a time, until it is full; the total is the candidates times the share of a sample spread over all of
     * them (every m-th post id) that holds the phrase — an estimate, never below the hits already seen.
     */
    private Result checkedInRankOrder(SearchTerms.Query q, String candidates, List<Object> params, long n, int offset, int size) {
        List<Long> found = verifiedInRankOrder(q, candidates, params, offset + size);
        List<Long> page = found.size() <= offset ? List.of() : found.subList(offset, found.size());
        long m = Math.max(1, (n + config.phraseSample() - 1) / config.phraseSample());
        // the sample's checked and matching posts; placeholders in order: the substrings', the candidates', m
        List<Object> sp = new ArrayList<>();
        String like = substrings(q, i -> "?", sp);
        sp.addAll(params);
        sp.add(m);
        Object[] r = (Object[]) bind(em.createNativeQuery("select count(*), sum(case when exists (select 1 from post p where p.id = h.post_id"
                + like + ") then 1 else 0 end) from (" + candidates + ") h where mod(h.post_id, ?) = 0"), sp).getSingleResult();
        long checked = ((Number) r[0]).longValue();
        long matching = r[1] == null ? 0 : ((Number) r[1]).longValue();
        boolean exact = m == 1;
        long total = checked == 0 ? found.size() : Math.round((double) n * matching / checked);
        if (found.size() < offset + size) {  // the candidates ran out: the hits are all known
            total = found.size();
            exact = true;
        }
        total = Math.max(total, found.size());
        return new Result(total, hits(q, page), q, exact);
    }

    /** The ids of up to {@code want} candidates holding every substring, in rank order (checked 200 at a time). */
    private List<Long> verifiedInRankOrder(SearchTerms.Query q, String candidates, List<Object> params, int want) {
        List<Long> found = new ArrayList<>();
        // numbered parameters: ?1 the ids, then ?2… the patterns
        List<Object> likes = new ArrayList<>();
        String sql = "select p.id from post p where p.id in (?1)" + substrings(q, i -> "?" + (i + 2), likes);
        int chunk = 200;  // then 800, 3,200, 10,000: few sorts of the candidates when the phrase is rare among them
        for (int from = 0; found.size() < want; from += chunk, chunk = Math.min(10_000, chunk * 4)) {
            List<Long> ids = rankedIds(candidates, params, from, chunk);
            if (ids.isEmpty()) break;
            Query check = em.createNativeQuery(sql).setParameter(1, ids);
            for (int i = 0; i < likes.size(); i++) check.setParameter(i + 2, likes.get(i));
            java.util.Set<Long> ok = new java.util.HashSet<>();
            for (Object o : check.getResultList()) ok.add(((Number) o).longValue());
            for (Long id : ids) {
                if (ok.contains(id) && found.size() < want) found.add(id);
            }
            if (ids.size() < chunk) break;
        }
        return found;
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
    private static String matched(SearchTerms.Query q, SearchCriteria c, Long sourceId, List<Object> params, boolean substrings) {
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
        boolean needsPost = substrings && !q.substrings().isEmpty();
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
        if (needsPost) sql.append(substrings(q, i -> "?", params));
        return sql.toString();
    }

    /**
     * The conditions "title or body contains it" on {@code p} for each of the query's substrings (phrases, single
     * characters), each placeholder written by {@code placeholder} from the index of its pattern in {@code params}'
     * additions (0, 1, …); the patterns are appended to {@code params}.
     */
    private static String substrings(SearchTerms.Query q, java.util.function.IntFunction<String> placeholder, List<Object> params) {
        StringBuilder sql = new StringBuilder();
        int i = 0;
        for (String s : q.substrings()) {
            String like = SqlLike.contains(s);
            sql.append(" and (lower(p.title) like ").append(placeholder.apply(i++)).append(" escape '!' or lower(p.body) like ")
                    .append(placeholder.apply(i++)).append(" escape '!')");
            params.add(like);
            params.add(like);
        }
        return sql.toString();
    }

    /** The ids of one page in rank order (a top-N sort over the matched rows). */
    private List<Long> rankedIds(String matched, List<Object> params, int offset, int size) {
        Query page = bind(em.createNativeQuery("select h.post_id, h.score, h.published_at from ("
                + matched + ") h order by h.score desc, h.published_at desc nulls last, h.post_id desc"), params);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = page.setFirstResult(offset).setMaxResults(size).getResultList();
        List<Long> ids = new ArrayList<>(rows.size());
        for (Object[] r : rows) ids.add(((Number) r[0]).longValue());
        return ids;
    }

    /** The hits of these posts, in this order: marked titles and snippets, source, incident. */
    private List<Hit> hits(SearchTerms.Query q, List<Long> ids) {
        if (ids.isEmpty()) return List.of();
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
