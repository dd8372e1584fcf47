package cn.tingfeng.bench;

import cn.tingfeng.post.ContentHash;
import cn.tingfeng.post.UrlCanonicalizer;
import cn.tingfeng.search.SearchCriteria;
import cn.tingfeng.search.SearchIndexer;
import cn.tingfeng.search.SearchService;
import cn.tingfeng.shared.Paging;
import cn.tingfeng.source.Source;
import cn.tingfeng.testsupport.TestSources;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Search latency over a seeded archive: {@code bench.search.posts} posts (default 100,000 on H2, 1,000,000 on
 * PostgreSQL) of the benchmark corpus over the last 30 days, indexed with the application's own segmentation
 * ({@link SearchIndexer#termsOf}) and written with JDBC batches; then typical queries through {@link SearchService}
 * (count + first page of 20 with snippets): two-character words, place names, two terms, a word with the last 7 days,
 * a word with a platform or source filter, a quoted phrase.
 * Prints and writes p50/p95 per kind and over all ({@code search.p95Ms}, target below 300 ms).
 */
@QuarkusTest
@TestProfile(IngestBench.QueuedProfile.class)
@Tag("benchmark")
class SearchBenchmark {
    static final int CHUNK = 5_000;
    static final int ROUNDS = Integer.getInteger("bench.search.rounds", 10);

    @Inject
    DataSource ds;
    @Inject
    SearchIndexer indexer;
    @Inject
    SearchService search;
    @Inject
    TestSources testSources;

    record Q(String kind, String q, boolean lastWeek, String platform, boolean bySource) {
        Q(String kind, String q, boolean lastWeek) {
            this(kind, q, lastWeek, null, false);
        }
    }

    static final List<Q> QUERIES = List.of(
            new Q("word2", "停水", false), new Q("word2", "投诉", false), new Q("word2", "事故", false),
            new Q("word2", "爆炸", false), new Q("word2", "学校", false), new Q("word2", "医院", false),
            new Q("place", "海州区", false), new Q("place", "灌南县", false), new Q("place", "东海县", false),
            new Q("place", "连云港", false), new Q("place", "赣榆区", false),
            new Q("twoTerms", "灌云县 事故", false), new Q("twoTerms", "海州区 投诉", false), new Q("twoTerms", "学校 食堂", false),
            new Q("twoTerms", "东海县 停电", false),
            new Q("dated", "投诉", true), new Q("dated", "事故", true), new Q("dated", "海州区", true), new Q("dated", "灌南县 医院", true),
            new Q("filtered", "连云港", false, "weibo", false), new Q("filtered", "投诉", false, "forum", false),
            new Q("filtered", "学校", false, null, true), new Q("filtered", "海州区 投诉", true, "web", false),
            new Q("phrase", "\"学校食堂\"", false), new Q("phrase", "\"交通事故\"", false), new Q("phrase", "\"连云港市\"", false));

    @Test
    void p95OfTypicalQueries() throws Exception {
        Assumptions.assumeTrue(BenchCorpus.present(), "../shared not present (fixtures, divisions): skipping the search benchmark");
        String db = BenchResults.db(ds);
        int posts = Integer.getInteger("bench.search.posts", "h2".equals(db) ? 100_000 : 1_000_000);
        String tag = "[search " + db + " " + posts + "]";
        BenchCorpus corpus = BenchCorpus.load();
        List<Long> sources = new ArrayList<>();
        for (String k : List.of("a", "b", "c")) {
            Source s = testSources.create("bench-search-" + k + "-" + System.nanoTime());
            sources.add(s.id);
        }
        Instant end = Instant.now();
        long t0 = System.nanoTime();
        long rows;
        Reuse reuse = Boolean.getBoolean("bench.search.reuse") ? reusable(posts) : null;
        if (reuse != null) {  // a database seeded by an earlier run (e.g. BENCH_PG_DATABASE kept): measure only
            end = reuse.end();
            rows = reuse.rows();
            System.out.printf("%s reusing the %d posts seeded earlier (%d term rows)%n", tag, posts, rows);
        } else {
            rows = seed(corpus, posts, sources, end);
        }
        double seedSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("%s seeded and indexed %d posts (%d term rows, %.1f per post) in %.1f s%n", tag, posts, rows,
                (double) rows / posts, seedSeconds);

        String sourceKey = sourceOfNewestPost();
        Map<String, List<Double>> byKind = new LinkedHashMap<>();
        List<Double> all = new ArrayList<>();
        Map<String, Long> totals = new LinkedHashMap<>();
        for (int round = -2; round < ROUNDS; round++) {  // two warm-up rounds
            for (Q q : QUERIES) {
                String from = q.lastWeek() ? end.minus(Duration.ofDays(7)).toString() : null;
                SearchCriteria c = search.criteria(q.q(), from, null, q.bySource() ? sourceKey : null, q.platform(), null, null, null, null);
                long s = System.nanoTime();
                SearchService.Result r = search.search(c, Paging.of(0, 20, 100));
                double ms = (System.nanoTime() - s) / 1e6;
                totals.put(q.kind() + ":" + q.q() + (q.platform() == null ? "" : "@" + q.platform()) + (q.bySource() ? "@source" : "")
                        + (q.lastWeek() ? "@7d" : ""), r.total());
                if (round >= 0) {
                    byKind.computeIfAbsent(q.kind(), k -> new ArrayList<>()).add(ms);
                    all.add(ms);
                }
            }
        }
        Map<String, Number> f = new LinkedHashMap<>();
        String sfx = "h2".equals(db) ? "" : "." + db;
        f.put("search.posts" + sfx, posts);
        f.put("search.termRows" + sfx, rows);
        f.put("search.seedSeconds" + sfx, seedSeconds);
        f.put("search.p50Ms" + sfx, pct(all, 50));
        f.put("search.p95Ms" + sfx, pct(all, 95));
        f.put("search.maxMs" + sfx, pct(all, 100));
        byKind.forEach((k, v) -> {
            f.put("search." + k + ".p50Ms" + sfx, pct(v, 50));
            f.put("search." + k + ".p95Ms" + sfx, pct(v, 95));
            System.out.printf("%s %-8s p50 %7.1f ms  p95 %7.1f ms  (%d queries)%n", tag, k, pct(v, 50), pct(v, 95), v.size());
        });
        System.out.printf("%s all      p50 %7.1f ms  p95 %7.1f ms  max %7.1f ms; hits per query: %s%n", tag, pct(all, 50), pct(all, 95),
                pct(all, 100), totals);
        BenchResults.write("search", f);
    }

    static double pct(List<Double> v, int p) {
        double[] a = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (a.length == 0) return Double.NaN;
        int i = (int) Math.ceil(p / 100.0 * a.length) - 1;
        return a[Math.max(0, Math.min(a.length - 1, i))];
    }

    /** Posts in chunks, each chunk's terms computed in parallel, then written in one transaction; the term rows written. */
    long seed(BenchCorpus corpus, int posts, List<Long> sources, Instant end) throws Exception {
        long base = next();
        long rows = 0;
        Duration span = Duration.ofDays(30);
        for (int from = 0; from < posts; from += CHUNK) {
            int n = Math.min(CHUNK, posts - from);
            Instant chunkEnd = end.minus(span.multipliedBy(posts - from - n).dividedBy(posts));
            List<BenchCorpus.Item> items = corpus.posts(n, 1000 + from, "s" + from, chunkEnd, span.multipliedBy(n).dividedBy(posts).plusSeconds(1));
            List<Map<String, Integer>> terms = IntStream.range(0, n).parallel()
                    .mapToObj(i -> indexer.termsOf(items.get(i).title(), items.get(i).body())).toList();
            try (Connection c = ds.getConnection()) {
                c.setAutoCommit(false);
                try (PreparedStatement p = c.prepareStatement("insert into post (id, source_id, url, canonical_url, url_hash, title, body,"
                        + " author, published_at, fetched_at, platform, content_hash, status, version_no) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        + " ?, ?, 'active', 1)");
                     PreparedStatement t = c.prepareStatement("insert into post_term (term, post_id, weight, published_at) values (?, ?, ?, ?)");
                     PreparedStatement m = c.prepareStatement("insert into post_indexed (post_id, version, terms, indexed_at) values (?, ?, ?, ?)")) {
                    for (int i = 0; i < n; i++) {
                        BenchCorpus.Item it = items.get(i);
                        long id = base + from + i;
                        String url = it.url() + "#" + id;
                        String canonical = UrlCanonicalizer.canonicalize(url) + "/" + id;
                        p.setLong(1, id);
                        p.setLong(2, sources.get((int) (id % sources.size())));
                        p.setString(3, url);
                        p.setString(4, canonical);
                        p.setString(5, sha256(canonical));
                        p.setString(6, it.title());
                        p.setString(7, it.body());
                        p.setString(8, it.author());
                        p.setObject(9, odt(it.publishedAt()));
                        p.setObject(10, odt(it.publishedAt()));
                        p.setString(11, it.platform());
                        p.setString(12, ContentHash.of(it.title(), it.body()));
                        p.addBatch();
                        Map<String, Integer> all = new LinkedHashMap<>(terms.get(i));
                        all.putAll(SearchIndexer.facets(it.platform(), sources.get((int) (id % sources.size()))));
                        for (Map.Entry<String, Integer> e : all.entrySet()) {
                            t.setString(1, e.getKey());
                            t.setLong(2, id);
                            t.setInt(3, Math.min(Short.MAX_VALUE, e.getValue()));
                            t.setObject(4, odt(it.publishedAt()));
                            t.addBatch();
                            rows++;
                        }
                        m.setLong(1, id);
                        m.setInt(2, SearchIndexer.VERSION);
                        m.setInt(3, all.size());
                        m.setObject(4, odt(it.publishedAt()));
                        m.addBatch();
                    }
                    p.executeBatch();
                    t.executeBatch();
                    m.executeBatch();
                }
                c.commit();
            }
        }
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("alter table post alter column id restart with " + (base + posts));
            if (!c.getMetaData().getDatabaseProductName().toLowerCase().contains("h2")) {
                s.execute("vacuum analyze post");  // what autovacuum does to a settled archive: statistics and the visibility map
                s.execute("vacuum analyze post_term");
            }
        }
        return rows;
    }

    /** The key of the source of the newest seeded post (the source filter's value). */
    String sourceOfNewestPost() throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "select s.source_key from post p join source s on s.id = p.source_id where p.id = (select max(post_id) from post_indexed)")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    record Reuse(Instant end, long rows) {
    }

    /** With {@code -Dbench.search.reuse=true}: the archive an earlier run left, when it has at least {@code posts} indexed posts. */
    Reuse reusable(int posts) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*), max(p.published_at), sum(i.terms) from post_indexed i join post p on p.id = i.post_id")) {
            rs.next();
            if (rs.getLong(1) < posts) return null;
            Reuse r = new Reuse(rs.getObject(2, OffsetDateTime.class).toInstant().plusSeconds(1), rs.getLong(3));
            if (!c.getMetaData().getDatabaseProductName().toLowerCase().contains("h2")) {
                s.execute("vacuum analyze post_term");  // rows a migration added since (V9_4): settled as autovacuum would
            }
            return r;
        }
    }

    long next() throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select coalesce(max(id), 0) + 1 from post")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static OffsetDateTime odt(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

}
