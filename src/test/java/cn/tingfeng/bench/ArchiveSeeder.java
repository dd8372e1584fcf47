package cn.tingfeng.bench;

import cn.tingfeng.incident.group.IncidentSignature;
import cn.tingfeng.incident.group.PostFeatures;
import cn.tingfeng.incident.triage.GroupingIndex;
import cn.tingfeng.post.ContentHash;
import cn.tingfeng.post.UrlCanonicalizer;
import cn.tingfeng.post.dedup.MinHash;
import cn.tingfeng.watch.PlanMatch;
import cn.tingfeng.watch.match.MatchService;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
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
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import javax.sql.DataSource;

/**
 * Seeds an archive as the pipeline would have left it, with JDBC batches: {@code posts} posts over the last 10 days
 * (every one with its MinHash fingerprint; reposts marked as near-duplicates of their original), {@code incidents}
 * incidents made of matched event posts and their reposts (incident, incident_post, incident_triage with the real
 * grouping signature — the posts' features as the grouper computes them, encoded by the application's
 * SignatureCodec —, post_match with the real evidence, the new-incident alert and a proposal). Incidents older than
 * the 72 h grouping window are mostly closed or dismissed; those inside it are open, as on a live system.
 * Not seeded: the audit chain (its hashes must chain; the pipeline only appends to its head).
 */
final class ArchiveSeeder {
    record Result(int posts, int incidents, int incidentPosts, int matches, int openInWindow, double seconds) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    static final Duration SPAN = Duration.ofDays(10);
    static final Duration GROUPING_WINDOW = Duration.ofHours(72);

    private record Row(long id, Long sourceId, BenchCorpus.Item item, Instant fetched, int incident, long duplicateOf,
            double similarity, MinHash minHash) {
    }

    private static final class Inc {
        long id;
        Row original;
        final List<Row> posts = new ArrayList<>();
        List<PlanMatch> matches;
        String status;
        String signature;
    }

    private ArchiveSeeder() {
    }

    static Result seed(DataSource ds, String db, BenchCorpus corpus, GroupingIndex grouping, MatchService matching,
            List<Long> sourceIds, int posts, int incidents, Instant end) throws Exception {
        long t0 = System.nanoTime();
        Random rnd = new Random(4242);
        Instant start = end.minus(SPAN);
        long spanSec = SPAN.toSeconds();
        long postBase = next(ds, "post");
        long incidentBase = next(ds, "incident");
        String run = "archive";
        List<Row> rows = new ArrayList<>(posts);
        List<Inc> incs = new ArrayList<>(incidents);
        List<BenchCorpus.Item> unmatchedEvents = new ArrayList<>();
        int serial = 0;
        while (incs.size() < incidents) {
            Instant at = start.plusSeconds((long) (rnd.nextDouble() * spanSec));
            BenchCorpus.Item e = corpus.event(rnd, run, serial++, at);
            List<PlanMatch> m = matching.match(e.title(), e.body(), null, e.platform());
            if (m.isEmpty()) {
                unmatchedEvents.add(e);
                continue;
            }
            Inc inc = new Inc();
            inc.id = incidentBase + incs.size();
            inc.matches = m;
            Row o = row(postBase + rows.size(), sourceIds, rnd, e, incs.size(), -1, 0);
            rows.add(o);
            inc.original = o;
            inc.posts.add(o);
            int reposts = (int) Math.min(12, Math.floor(-Math.log(1 - rnd.nextDouble()) * 2.5));
            for (int k = 0; k < reposts; k++) {
                Instant rt = at.plusSeconds(60 + rnd.nextInt(12 * 3600));
                if (rt.isAfter(end)) {
                    rt = end;
                }
                BenchCorpus.Item r = corpus.repost(e, -1, rnd, run, serial++, rt);
                Row rr = row(postBase + rows.size(), sourceIds, rnd, r, incs.size(), o.id(), 0);
                rows.add(new Row(rr.id(), rr.sourceId(), rr.item(), rr.fetched(), rr.incident(), o.id(),
                        rr.minHash().jaccard(o.minHash()), rr.minHash()));
                inc.posts.add(rows.get(rows.size() - 1));
            }
            incs.add(inc);
        }
        int u = 0;
        while (rows.size() < posts) {
            Instant at = start.plusSeconds((long) (rnd.nextDouble() * spanSec));
            BenchCorpus.Item it;
            if (u < unmatchedEvents.size() && rnd.nextInt(4) == 0) {
                BenchCorpus.Item e = unmatchedEvents.get(u++);
                it = new BenchCorpus.Item(e.url(), e.title(), e.body(), e.author(), e.publishedAt(), e.platform(), e.kind(), -1);
            } else {
                it = corpus.noise(rnd, run, serial++, at);
                if (!matching.match(it.title(), it.body(), null, it.platform()).isEmpty()) {
                    continue;  // a matched post would be in an incident
                }
            }
            rows.add(row(postBase + rows.size(), sourceIds, rnd, it, -1, -1, 0));
        }
        double generated = (System.nanoTime() - t0) / 1e9;

        // grouping signatures: the features the grouper computes for each original, absorbed once per later post
        QuarkusTransaction.requiringNew().run(grouping::grouper);
        Method encode = Class.forName("cn.tingfeng.incident.triage.SignatureCodec", true, ArchiveSeeder.class.getClassLoader())
                .getDeclaredMethod("encode", IncidentSignature.class);
        encode.setAccessible(true);
        IntStream.range(0, incs.size()).parallel().forEach(k -> {
            Inc inc = incs.get(k);
            BenchCorpus.Item o = inc.original.item();
            PostFeatures f = grouping.features(inc.original.id(), o.title(), o.body(), o.publishedAt());
            IncidentSignature s = IncidentSignature.start(String.valueOf(inc.id), f, o.publishedAt());
            for (Row r : inc.posts.subList(1, inc.posts.size())) {
                s = s.absorb(f, r.item().publishedAt());
            }
            try {
                inc.signature = (String) encode.invoke(null, s);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        });
        double signed = (System.nanoTime() - t0) / 1e9;

        int open = 0;
        for (Inc inc : incs) {
            Instant last = inc.posts.stream().map(r -> r.item().publishedAt()).max(Instant::compareTo).orElseThrow();
            boolean inWindow = last.isAfter(end.minus(GROUPING_WINDOW));
            int roll = rnd.nextInt(10);
            inc.status = inWindow ? (roll < 7 ? "new" : "confirmed") : (roll < 5 ? "closed" : roll < 7 ? "dismissed" : "confirmed");
            if (inWindow) {
                open++;
            }
        }

        int matches = 0;
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement p = c.prepareStatement("insert into post (id, source_id, url, canonical_url, url_hash, title, body,"
                    + " author, published_at, fetched_at, platform, content_hash, status, version_no, updated_at)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', 1, ?)");
                 PreparedStatement fp = c.prepareStatement("insert into post_fingerprint (post_id, minhash, shingles, duplicate_of,"
                         + " duplicate_kind, similarity, created_at, generation) values (?, ?, ?, ?, ?, ?, ?, 0)")) {
                int n = 0;
                for (Row r : rows) {
                    BenchCorpus.Item it = r.item();
                    String canonical = UrlCanonicalizer.canonicalize(it.url());
                    p.setLong(1, r.id());
                    if (r.sourceId() == null) {
                        p.setNull(2, java.sql.Types.BIGINT);
                    } else {
                        p.setLong(2, r.sourceId());
                    }
                    p.setString(3, it.url());
                    p.setString(4, canonical);
                    p.setString(5, sha256(canonical));
                    p.setString(6, it.title());
                    p.setString(7, it.body());
                    p.setString(8, it.author());
                    p.setObject(9, odt(it.publishedAt()));
                    p.setObject(10, odt(r.fetched()));
                    p.setString(11, it.platform());
                    p.setString(12, ContentHash.of(it.title(), it.body()));
                    p.setObject(13, odt(r.fetched()));
                    p.addBatch();
                    fp.setLong(1, r.id());
                    fp.setString(2, encode(r.minHash()));
                    fp.setInt(3, r.minHash().shingles());
                    if (r.duplicateOf() < 0) {
                        fp.setNull(4, java.sql.Types.BIGINT);
                        fp.setNull(5, java.sql.Types.VARCHAR);
                        fp.setNull(6, java.sql.Types.DOUBLE);
                    } else {
                        fp.setLong(4, r.duplicateOf());
                        fp.setString(5, "near_duplicate");
                        fp.setDouble(6, r.similarity());
                    }
                    fp.setObject(7, odt(r.fetched()));
                    fp.addBatch();
                    if (++n % 1000 == 0) {
                        p.executeBatch();
                        fp.executeBatch();
                    }
                    if (n % 20000 == 0) {
                        c.commit();
                    }
                }
                p.executeBatch();
                fp.executeBatch();
                c.commit();
            }
            String nextMatchId = "postgres".equals(db) ? "nextval('post_match_seq')" : "next value for post_match_seq";
            try (PreparedStatement ip = c.prepareStatement("insert into incident (id, title, summary, grade, status, started_at,"
                    + " first_seen_at, created_by, created_at, updated_at, version) values (?, ?, ?, ?, ?, ?, ?, 'system', ?, ?, 0)");
                 PreparedStatement tp = c.prepareStatement("insert into incident_triage (incident_id, sentiment, sentiment_score,"
                         + " grade_reason, grade_locked, rising, post_count, repost_count, source_count, platform_count,"
                         + " last_post_at, casualty_reason, signature, touched_generation)"
                         + " values (?, 'negative', -0.4, ?, false, false, ?, ?, ?, ?, ?, '', ?, 0)");
                 PreparedStatement lp = c.prepareStatement("insert into incident_post (incident_id, post_id) values (?, ?)");
                 PreparedStatement mp = c.prepareStatement("insert into post_match (id, post_id, plan_id, plan_version, evidence,"
                         + " matched_at) values (" + nextMatchId + ", ?, ?, ?, ?, ?)");
                 PreparedStatement ap = c.prepareStatement("insert into alert (kind, incident_id, title, grade, summary, alert_key,"
                         + " created_at, acked_by, acked_at) values ('NEW_INCIDENT', ?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement pp = c.prepareStatement("insert into incident_proposal (incident_id, level, co_json, confidence,"
                         + " rationale_json, flags, classifier_version, created_at) values (?, 'none', '[]', 0.3, '[]', '',"
                         + " 'bench-archive', ?)")) {
                int n = 0;
                for (Inc inc : incs) {
                    BenchCorpus.Item o = inc.original.item();
                    Instant first = o.publishedAt();
                    Instant last = inc.posts.stream().map(r -> r.item().publishedAt()).max(Instant::compareTo).orElseThrow();
                    String title = o.title().length() > 200 ? o.title().substring(0, 200) : o.title();
                    List<String> sentences = BenchCorpus.sentences(o.body());
                    String summary = String.join("", sentences.subList(0, Math.min(2, sentences.size())));
                    String grade = inc.posts.size() >= 8 ? "III" : "IV";
                    ip.setLong(1, inc.id);
                    ip.setString(2, title);
                    ip.setString(3, summary);
                    ip.setString(4, grade);
                    ip.setString(5, inc.status);
                    ip.setObject(6, odt(first));
                    ip.setObject(7, odt(first));
                    ip.setObject(8, odt(inc.original.fetched()));
                    ip.setObject(9, odt(last));
                    ip.addBatch();
                    tp.setLong(1, inc.id);
                    tp.setString(2, "传播范围：" + inc.posts.size() + " 条");
                    tp.setInt(3, inc.posts.size());
                    tp.setInt(4, inc.posts.size() - 1);
                    tp.setInt(5, (int) inc.posts.stream().map(Row::sourceId).distinct().count());
                    tp.setInt(6, (int) inc.posts.stream().map(r -> r.item().platform()).distinct().count());
                    tp.setObject(7, odt(last));
                    tp.setString(8, inc.signature);
                    tp.addBatch();
                    for (Row r : inc.posts) {
                        lp.setLong(1, inc.id);
                        lp.setLong(2, r.id());
                        lp.addBatch();
                        List<PlanMatch> m = r == inc.original ? inc.matches
                                : matching.match(r.item().title(), r.item().body(), null, r.item().platform());
                        for (PlanMatch pm : m) {
                            mp.setLong(1, r.id());
                            mp.setLong(2, Long.parseLong(pm.planId()));
                            mp.setInt(3, pm.version());
                            mp.setString(4, evidence(pm));
                            mp.setObject(5, odt(r.fetched()));
                            mp.addBatch();
                            matches++;
                        }
                    }
                    boolean acked = !"new".equals(inc.status);
                    ap.setLong(1, inc.id);
                    ap.setString(2, title);
                    ap.setString(3, grade);
                    ap.setString(4, summary);
                    ap.setString(5, "bench-archive-" + inc.id);
                    ap.setObject(6, odt(inc.original.fetched()));
                    ap.setString(7, acked ? "t-analyst" : null);
                    ap.setObject(8, acked ? odt(inc.original.fetched().plusSeconds(900)) : null);
                    ap.addBatch();
                    pp.setLong(1, inc.id);
                    pp.setObject(2, odt(inc.original.fetched()));
                    pp.addBatch();
                    if (++n % 500 == 0) {
                        executeBatches(ip, tp, lp, mp, ap, pp);
                    }
                }
                executeBatches(ip, tp, lp, mp, ap, pp);
            }
            try (Statement s = c.createStatement()) {
                s.execute("alter table post alter column id restart with " + (postBase + rows.size() + 1));
                s.execute("alter table incident alter column id restart with " + (incidentBase + incs.size() + 1));
            }
            c.commit();
            if ("postgres".equals(db)) {
                try (Statement s = c.createStatement()) {
                    c.setAutoCommit(true);
                    s.execute("analyze");
                }
            }
        }
        int linked = incs.stream().mapToInt(i -> i.posts.size()).sum();
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("[archive] seeded %,d posts (%,d in %,d incidents, %d open inside the 72 h window), %,d matches in %.1f s"
                        + " (generating %.1f s, signatures %.1f s, inserting %.1f s)%n", rows.size(), linked, incs.size(), open, matches,
                seconds, generated, signed - generated, seconds - signed);
        return new Result(rows.size(), incs.size(), linked, matches, open, seconds);
    }

    private static Row row(long id, List<Long> sourceIds, Random rnd, BenchCorpus.Item it, int incident, long duplicateOf,
            double similarity) {
        Long source = sourceIds.isEmpty() ? null : sourceIds.get(rnd.nextInt(sourceIds.size()));
        Instant fetched = it.publishedAt().plusSeconds(30 + rnd.nextInt(600));
        MinHash m = MinHash.of((it.title() == null ? "" : it.title() + "\n") + (it.body() == null ? "" : it.body()));
        return new Row(id, source, it, fetched, incident, duplicateOf, similarity, m);
    }

    private static long next(DataSource ds, String table) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select coalesce(max(id), 0) from " + table)) {
            rs.next();
            return rs.getLong(1) + 1000;
        }
    }

    private static String evidence(PlanMatch m) {
        try {
            String s = JSON.writeValueAsString(m.evidence().subList(0, Math.min(200, m.evidence().size())));
            return s.length() <= 20_000 ? s : JSON.writeValueAsString(m.evidence().subList(0, Math.min(20, m.evidence().size())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String encode(MinHash m) {
        ByteBuffer b = ByteBuffer.allocate(MinHash.SIZE * 4);
        for (int v : m.mins()) {
            b.putInt(v);
        }
        return Base64.getEncoder().encodeToString(b.array());
    }

    static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    static OffsetDateTime odt(Instant t) {
        return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    private static void executeBatches(java.sql.PreparedStatement... statements) throws java.sql.SQLException {
        for (java.sql.PreparedStatement p : statements) {
            p.executeBatch();
        }
    }
}
