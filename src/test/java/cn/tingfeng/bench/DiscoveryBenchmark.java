package cn.tingfeng.bench;

import static io.restassured.RestAssured.given;

import cn.tingfeng.crawl.SourceRegistry;
import cn.tingfeng.post.UrlCanonicalizer;
import cn.tingfeng.source.SourceDefinition;
import cn.tingfeng.testsupport.TestAccounts;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Discovery latency: a post appearing on a local source polled every 60 s → its alert in the analyst queue.
 * Computed as (a) the wait from publication to the next poll, uniform over 0–60 s (p95 = 57 s, a model: we do not wait
 * real minutes) plus (b) the measured p95 of crawl run start → alert row present, over 20 runs of the source triggered
 * like an administrator's run ({@code POST /api/admin/sources/{id}/run}: the same {@code CrawlService} run as the
 * Quartz job), with the pipeline worker in its production mode (not inline, background worker on, poll 1 s) and the
 * production crawler politeness (2 s between requests to one host; runs spaced accordingly).
 *
 * <p>Two local sources ({@code com.sun.net.httpserver}): a JSON API feed (full text in the feed, one request per poll:
 * the headline {@code discovery.p95Seconds}) and an RSS feed of the newest 3 items whose articles are fetched and
 * extracted (every listed article is requested again, conditionally, under the per-host delay:
 * {@code discovery.rss.p95Seconds}; {@code -Dbench.discovery.rss=false} skips it).
 * Run: {@code ./mvnw -B -Pbench test -Dtest=DiscoveryBenchmark}.
 */
@QuarkusTest
@TestProfile(DiscoveryBenchmark.Profile.class)
@Tag("benchmark")
class DiscoveryBenchmark extends IngestBench {
    static final Path CRAWLERS = Path.of("target/bench/crawlers");
    static final int RUNS = Integer.getInteger("bench.discovery.runs", 20);
    static final int RSS_RUNS = Integer.getInteger("bench.discovery.rss-runs", 10);
    static final boolean RSS = !"false".equals(System.getProperty("bench.discovery.rss"));
    static final double POLL_SECONDS = 60;
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** Production pipeline worker and crawler politeness; sources from a folder of our own; no live schedule. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                Files.createDirectories(CRAWLERS);
                try (var s = Files.list(CRAWLERS)) {
                    for (Path p : s.toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return Map.of("tingfeng.pipeline.inline", "false", "tingfeng.pipeline.worker-enabled", "true",
                    "tingfeng.pipeline.poll", "1s", "tingfeng.crawlers.dir", CRAWLERS.toString(),
                    "tingfeng.crawlers.default-delay", "2s", "tingfeng.crawlers.enabled", "false");
        }
    }

    record Sample(double runSeconds, double alertSeconds, boolean newIncident) {
    }

    @Inject
    SourceRegistry registry;

    final List<BenchCorpus.Item> published = new CopyOnWriteArrayList<>();
    final ObjectMapper json = new ObjectMapper();

    @Test
    void postToAlertP95() throws Exception {
        Assumptions.assumeTrue(BenchCorpus.present(), "../shared not present (fixtures, divisions): skipping the discovery benchmark");
        String db = BenchResults.db(ds);
        BenchCorpus corpus = BenchCorpus.load();
        createPlans(corpus, "d");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/robots.txt", ex -> send(ex, 404, "text/plain", new byte[0]));
        server.createContext("/api/posts", this::jsonFeed);
        server.createContext("/rss.xml", this::rssFeed);
        server.createContext("/a/", this::article);
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        try {
            Files.writeString(CRAWLERS.resolve("bench-discovery-json.yaml"), """
                    id: bench-discovery-json
                    name: 基准 · 本地社交媒体接口
                    type: json
                    url: %s/api/posts
                    schedule: 1m
                    platform: 微博
                    allowPrivateNetwork: true
                    json:
                      items: "$.data.items"
                      fields: {url: /url, title: /title, body: /content, author: /author, publishedAt: /published_at}
                    """.formatted(base));
            Files.writeString(CRAWLERS.resolve("bench-discovery-rss.yaml"), """
                    id: bench-discovery-rss
                    name: 基准 · 本地新闻 RSS
                    type: rss
                    url: %s/rss.xml
                    schedule: 1m
                    platform: 新闻网站
                    allowPrivateNetwork: true
                    """.formatted(base));
            registry.reload();
            for (String id : List.of("bench-discovery-json", "bench-discovery-rss")) {
                SourceDefinition d = registry.definition(id).orElseThrow(() -> new IllegalStateException("source " + id
                        + " not loaded: " + registry.errorsByFile()));
                if (!Duration.ofSeconds(60).equals(d.schedule().interval())) {
                    throw new IllegalStateException(id + " is not polled every 60 s: " + d.scheduleText());
                }
            }
            Random rnd = new Random(3);
            Map<String, Number> f = new LinkedHashMap<>();
            List<Sample> js = runs(corpus, rnd, "bench-discovery-json", "j", RUNS, it -> it.url());
            report("json", js, f, "discovery");
            if (RSS) {
                List<Sample> rs = runs(corpus, rnd, "bench-discovery-rss", "r", RSS_RUNS, it -> base + articlePath(it));
                report("rss", rs, f, "discovery.rss");
            }
            f.put("discovery.pollSeconds", POLL_SECONDS);
            f.put("discovery.pollWaitP95Seconds", 0.95 * POLL_SECONDS);
            BenchResults.write("discovery-" + db, f);
        } finally {
            server.stop(0);
            Files.deleteIfExists(CRAWLERS.resolve("bench-discovery-json.yaml"));
            Files.deleteIfExists(CRAWLERS.resolve("bench-discovery-rss.yaml"));
        }
    }

    /** Two untimed runs (robots.txt, JIT, HanLP), then {@code n} timed runs, each with one new post published just before. */
    List<Sample> runs(BenchCorpus corpus, Random rnd, String source, String prefix, int n,
            java.util.function.Function<BenchCorpus.Item, String> storedUrl) throws Exception {
        List<Sample> out = new ArrayList<>();
        for (int i = -2; i < n; i++) {
            BenchCorpus.Item it = matchedEvent(corpus, rnd, prefix, i + 2);
            published.add(0, it);
            Thread.sleep(2_200 + rnd.nextInt(300));  // production polls are 60 s apart: no politeness wait left over
            long t0 = System.nanoTime();
            JsonPath r = given().auth().preemptive().basic("t-admin", TestAccounts.PASSWORD)
                    .post("/api/admin/sources/" + source + "/run").then().statusCode(200).extract().jsonPath();
            double run = (System.nanoTime() - t0) / 1e9;
            if (r.getInt("newPosts") < 1) {
                throw new IllegalStateException("run of " + source + " found no new post: " + r.prettify());
            }
            Boolean fresh = null;
            String canonical = UrlCanonicalizer.canonicalize(storedUrl.apply(it));
            while (fresh == null) {
                fresh = alerted(canonical);
                if (fresh == null) {
                    if ((System.nanoTime() - t0) / 1e9 > 120) {
                        throw new IllegalStateException("no alert 120 s after the run for " + it.url());
                    }
                    Thread.sleep(10);
                }
            }
            double alert = (System.nanoTime() - t0) / 1e9;
            if (i >= 0) {
                out.add(new Sample(run, alert, fresh));
            }
        }
        return out;
    }

    /** An event post that some plan matches (so that it becomes or joins an incident). */
    BenchCorpus.Item matchedEvent(BenchCorpus corpus, Random rnd, String prefix, int i) {
        for (int k = 0; ; k++) {
            Instant at = Instant.now().minusSeconds(5);
            BenchCorpus.Item e = corpus.event(rnd, "discovery", k, at);
            if (!matchingPlans(e).isEmpty()) {
                String url = "http://127.0.0.1/" + prefix + "/" + i + "-" + k + ".html";
                return new BenchCorpus.Item(url, e.title(), e.body(), e.author(), at, e.platform(), e.kind(), -1);
            }
        }
    }

    @Inject
    cn.tingfeng.watch.match.MatchService matching;

    List<?> matchingPlans(BenchCorpus.Item e) {
        return matching.match(e.title(), e.body(), null, "weibo");
    }

    /** null while the post has no incident with an alert; else whether the alert's incident was new for this post. */
    Boolean alerted(String canonicalUrl) throws Exception {
        try (Connection c = ds.getConnection(); PreparedStatement p = c.prepareStatement("select count(*),"
                + " min(case when ip.post_id = (select min(ip2.post_id) from incident_post ip2 where ip2.incident_id = ip.incident_id)"
                + " then 1 else 0 end) from alert a join incident_post ip on ip.incident_id = a.incident_id"
                + " join post p on p.id = ip.post_id where p.canonical_url = ?")) {
            p.setString(1, canonicalUrl);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getLong(1) == 0 ? null : rs.getInt(2) == 1;
            }
        }
    }

    void report(String kind, List<Sample> s, Map<String, Number> f, String key) {
        List<Double> alert = new ArrayList<>(s.stream().map(Sample::alertSeconds).toList());
        List<Double> run = new ArrayList<>(s.stream().map(Sample::runSeconds).toList());
        Collections.sort(alert);
        Collections.sort(run);
        double p95 = percentile(alert, 0.95);
        double p50 = percentile(alert, 0.50);
        double model = 0.95 * POLL_SECONDS;
        // the distribution of the sum (uniform wait + measured latency), for comparison with the sum of the p95s
        Random r = new Random(1);
        List<Double> sum = new ArrayList<>();
        for (int k = 0; k < 100_000; k++) {
            sum.add(r.nextDouble() * POLL_SECONDS + alert.get(r.nextInt(alert.size())));
        }
        Collections.sort(sum);
        long fresh = s.stream().filter(Sample::newIncident).count();
        System.out.printf("[discovery %s] %d runs: run start → alert row p50 %.2f s, p95 %.2f s, max %.2f s (of which the crawl run"
                        + " itself p50 %.2f s, p95 %.2f s); %d of %d posts started a new incident, the others joined one%n",
                kind, s.size(), p50, p95, alert.get(alert.size() - 1), percentile(run, 0.5), percentile(run, 0.95), fresh, s.size());
        System.out.printf("[discovery %s] p95 publication → alert = %.0f s (wait for the next 60 s poll, p95) + %.2f s = %.2f s"
                        + " (p95 of the sum itself: %.2f s)%n", kind, model, p95, model + p95, percentile(sum, 0.95));
        f.put(key + ".p95Seconds", model + p95);
        f.put(key + ".runToAlertP95Seconds", p95);
        f.put(key + ".runToAlertP50Seconds", p50);
        f.put(key + ".crawlRunP95Seconds", percentile(run, 0.95));
        f.put(key + ".sumP95Seconds", percentile(sum, 0.95));
    }

    static double percentile(List<Double> sorted, double q) {
        int i = (int) Math.ceil(q * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    // --- the local source --------------------------------------------------------------------------------------

    void jsonFeed(HttpExchange ex) throws IOException {
        List<Map<String, Object>> items = new ArrayList<>();
        for (BenchCorpus.Item it : published.subList(0, Math.min(10, published.size()))) {
            if (!it.url().contains("/j/")) {
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("url", it.url());
            m.put("title", it.title());
            m.put("content", it.body());
            m.put("author", it.author());
            m.put("published_at", LOCAL.format(it.publishedAt().atZone(ZONE)));
            items.add(m);
        }
        send(ex, 200, "application/json; charset=utf-8", json.writeValueAsBytes(Map.of("data", Map.of("items", items))));
    }

    List<BenchCorpus.Item> rssItems() {
        return published.stream().filter(it -> it.url().contains("/r/")).limit(3).toList();
    }

    void rssFeed(HttpExchange ex) throws IOException {
        String base = "http://127.0.0.1:" + ex.getLocalAddress().getPort();
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>"
                + "<title>本地新闻</title><link>" + base + "/</link><description>基准</description>");
        for (BenchCorpus.Item it : rssItems()) {
            b.append("<item><title>").append(escape(it.title())).append("</title><link>").append(base).append(articlePath(it))
                    .append("</link><pubDate>").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(it.publishedAt().atZone(ZONE)))
                    .append("</pubDate></item>");
        }
        send(ex, 200, "application/rss+xml; charset=utf-8", b.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8));
    }

    static String articlePath(BenchCorpus.Item it) {
        return "/a/" + it.url().substring(it.url().lastIndexOf('/') + 1);
    }

    void article(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        for (BenchCorpus.Item it : published) {
            if (articlePath(it).equals(path)) {
                String etag = "\"" + Integer.toHexString(it.body().hashCode()) + "\"";
                if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                    ex.getResponseHeaders().set("ETag", etag);
                    send(ex, 304, null, new byte[0]);
                    return;
                }
                ex.getResponseHeaders().set("ETag", etag);
                StringBuilder body = new StringBuilder();
                for (String s : BenchCorpus.sentences(it.body())) {
                    body.append("<p>").append(escape(s)).append("</p>");
                }
                String html = "<html><head><meta charset=\"utf-8\"><title>" + escape(it.title()) + "_本地新闻网</title></head><body>"
                        + "<div class=\"nav\"><a href=\"/\">首页</a> <a href=\"/n\">本地</a> <a href=\"/s\">社会</a></div>"
                        + "<div class=\"article\"><h1>" + escape(it.title()) + "</h1><div class=\"info\">发布时间："
                        + LOCAL.format(it.publishedAt().atZone(ZONE)) + " 来源：本地新闻网 作者：" + escape(it.author()) + "</div>"
                        + "<div class=\"content\">" + body + "</div></div><div class=\"footer\">版权所有 本地新闻网</div></body></html>";
                send(ex, 200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
                return;
            }
        }
        send(ex, 404, "text/plain", new byte[0]);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        if (type != null) {
            ex.getResponseHeaders().set("Content-Type", type);
        }
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(body);
        }
    }
}
