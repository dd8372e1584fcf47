package cn.tingfeng.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.tingfeng.crawl.extract.ArticleExtractor;
import cn.tingfeng.crawl.fetch.Fetcher;
import cn.tingfeng.crawl.fetch.FetcherConfig;
import cn.tingfeng.crawl.testing.LocalServer;
import cn.tingfeng.crawl.testing.ManualClock;
import cn.tingfeng.source.SourceDefinition;
import cn.tingfeng.source.SourceReader;

/**
 * Sources with {@code allowPrivateNetwork: true} whose pages point elsewhere on the private network: another port of
 * loopback, another loopback address. The exemption covers the source's own host and port only; every link goes
 * through the guard, and an item whose link the guard refuses is dropped and recorded, never fetched or stored.
 * Links that are not absolute http(s) are skipped by every parser.
 */
class HostileSourcesTest {

    LocalServer site;      // the source's own host, allowed
    LocalServer internal;  // another port on loopback: must never be reached
    LocalServer otherLoopback; // 127.0.0.2 on the site's own port: must never be reached
    final List<String> internalHits = new CopyOnWriteArrayList<>();
    ManualClock clock;
    SourceCrawler crawler;

    @BeforeEach
    void start() throws IOException {
        site = new LocalServer();
        site.on("/robots.txt", ex -> LocalServer.send(ex, 404, "text/plain", "", StandardCharsets.UTF_8));
        site.on("/art/1.html", ex -> LocalServer.send(ex, 200, "text/html; charset=utf-8",
                SourceCrawlerTest.article("海州区召开防汛会议", "2026-02-27 09:00", "海州区部署汛前检查，确保群众安全度汛。"),
                StandardCharsets.UTF_8));
        internal = new LocalServer();
        internal.on("/", ex -> {
            internalHits.add(ex.getRequestURI().toString());
            LocalServer.send(ex, 200, "text/html; charset=utf-8",
                    SourceCrawlerTest.article("内网管理页面", "2026-02-27 09:00", "内网机密内容，不应被抓取。"), StandardCharsets.UTF_8);
        });
        try {
            otherLoopback = new LocalServer("127.0.0.2", site.port()); // Linux routes all of 127/8 to loopback
            otherLoopback.on("/", ex -> {
                internalHits.add("127.0.0.2" + ex.getRequestURI());
                LocalServer.send(ex, 200, "text/html", "secret", StandardCharsets.UTF_8);
            });
        } catch (IOException e) {
            otherLoopback = null; // not on this system: the link still has to be refused, it just has no server behind it
        }
        clock = new ManualClock(Instant.parse("2026-03-01T02:00:00Z"));
        Fetcher fetcher = new Fetcher(FetcherConfig.defaults().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2)), clock, clock.sleeper());
        crawler = new SourceCrawler(fetcher, new ArticleExtractor(clock), clock, k -> null, 500);
    }

    @AfterEach
    void stop() {
        site.close();
        internal.close();
        if (otherLoopback != null) {
            otherLoopback.close();
        }
    }

    SourceDefinition source(String yaml) {
        SourceReader.Result r = SourceReader.read("test.yaml", yaml);
        assertThat(r.errors()).isEmpty();
        return r.definition();
    }

    String secret(String path) {
        return internal.uri(path).toString();
    }

    String otherAddress(String path) {
        return "http://127.0.0.2:" + site.port() + path;
    }

    static List<String> kinds(CrawlRun run) {
        return run.errors().stream().map(CrawlRun.CrawlError::kind).toList();
    }

    @Test
    void rssItemLinksToOtherPrivateHostsAreDroppedAndRecordedNotFetched() {
        String feed = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>t</title>"
                + "<item><title>正常</title><link>" + site.uri("/art/1.html") + "</link></item>"
                + "<item><title>内网</title><link>" + secret("/admin") + "</link></item>"
                + "<item><title>另一回环地址</title><link>" + otherAddress("/admin") + "</link></item>"
                + "<item><title>脚本</title><link>javascript:alert(1)</link></item>"
                + "</channel></rss>";
        site.on("/feed.xml", ex -> LocalServer.send(ex, 200, "application/rss+xml", feed, StandardCharsets.UTF_8));
        CrawlRun run = crawler.run(source("""
                id: feed
                name: 订阅
                type: rss
                url: %s
                schedule: 15m
                allowPrivateNetwork: true
                """.formatted(site.uri("/feed.xml"))), SourceCrawler.Known.NONE);
        assertThat(internalHits).isEmpty();
        assertThat(run.posts()).extracting(CrawledPost::url).containsExactly(site.uri("/art/1.html").toString());
        assertThat(run.errors()).filteredOn(e -> e.kind().equals("BLOCKED_PRIVATE_ADDRESS")).extracting(CrawlRun.CrawlError::url)
                .containsExactlyInAnyOrder(secret("/admin"), otherAddress("/admin"));
        assertThat(kinds(run)).contains("INVALID_URL");
    }

    @Test
    void htmlNextPageAndArticleLinksToAnotherPortAreNotFollowed() {
        site.on("/list", ex -> LocalServer.send(ex, 200, "text/html; charset=utf-8",
                "<ul class=list><li><a href='/art/1.html'>海州区召开防汛会议</a></li>"
                        + "<li><a href='" + secret("/art/9.html") + "'>内网文章</a></li>"
                        + "<li><a href='javascript:alert(1)'>脚本</a></li></ul>"
                        + "<a class=next href='" + secret("/list2") + "'>下一页</a>", StandardCharsets.UTF_8));
        CrawlRun run = crawler.run(source("""
                id: list
                name: 列表
                type: html
                url: %s
                schedule: 10m
                allowPrivateNetwork: true
                html: {item: "ul.list li", nextPage: "a.next", maxPages: 3, maxDepth: 1}
                """.formatted(site.uri("/list"))), SourceCrawler.Known.NONE);
        assertThat(internalHits).isEmpty();
        assertThat(run.posts()).extracting(CrawledPost::url).containsExactly(site.uri("/art/1.html").toString());
        assertThat(run.errors()).filteredOn(e -> e.kind().equals("BLOCKED_PRIVATE_ADDRESS")).extracting(CrawlRun.CrawlError::url)
                .containsExactlyInAnyOrder(secret("/art/9.html"), secret("/list2"));
    }

    @Test
    void listOnlyEntriesPointingAtAnInternalHostAreNotStored() {
        site.on("/list", ex -> LocalServer.send(ex, 200, "text/html; charset=utf-8",
                "<ul class=list><li><a href='/art/1.html'>海州区召开防汛会议</a></li>"
                        + "<li><a href='" + secret("/art/9.html") + "'>内网文章</a></li></ul>", StandardCharsets.UTF_8));
        CrawlRun run = crawler.run(source("""
                id: list
                name: 列表
                type: html
                url: %s
                schedule: 10m
                allowPrivateNetwork: true
                html: {item: "ul.list li", maxDepth: 0}
                """.formatted(site.uri("/list"))), SourceCrawler.Known.NONE);
        assertThat(run.posts()).extracting(CrawledPost::url).containsExactly(site.uri("/art/1.html").toString());
        assertThat(kinds(run)).containsExactly("BLOCKED_PRIVATE_ADDRESS");
    }

    @Test
    void jsonNextUrlAndItemLinksToAnotherPrivateHostAreRefused() {
        site.on("/api", ex -> LocalServer.send(ex, 200, "application/json; charset=utf-8",
                "{\"items\":[{\"url\":\"https://weibo.example/1\",\"text\":\"连云港网友反映噪音扰民\"},"
                        + "{\"url\":\"" + secret("/meta") + "\",\"text\":\"内网链接\"}],"
                        + "\"next\":\"" + secret("/api?page=2") + "\"}", StandardCharsets.UTF_8));
        CrawlRun run = crawler.run(source("""
                id: api
                name: 接口
                type: json
                url: %s
                schedule: 5m
                allowPrivateNetwork: true
                json:
                  items: /items
                  fields: {url: /url, body: /text}
                  paging: {nextUrl: /next, maxPages: 3}
                """.formatted(site.uri("/api"))), SourceCrawler.Known.NONE);
        assertThat(internalHits).isEmpty();
        assertThat(run.posts()).extracting(CrawledPost::url).containsExactly("http://weibo.example/1");
        assertThat(run.errors()).filteredOn(e -> e.kind().equals("BLOCKED_PRIVATE_ADDRESS")).hasSize(2);
    }

    @Test
    void sitemapChildOnAnotherPortIsNotFetched() {
        String base = site.uri("").toString();
        site.on("/sitemap.xml", ex -> LocalServer.send(ex, 200, "application/xml",
                "<?xml version=\"1.0\"?><sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                        + "<sitemap><loc>" + base + "/a.xml</loc></sitemap>"
                        + "<sitemap><loc>" + secret("/b.xml") + "</loc></sitemap></sitemapindex>", StandardCharsets.UTF_8));
        site.on("/a.xml", ex -> LocalServer.send(ex, 200, "application/xml",
                "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                        + "<url><loc>" + base + "/art/1.html</loc><lastmod>2026-02-27</lastmod></url></urlset>", StandardCharsets.UTF_8));
        CrawlRun run = crawler.run(source("""
                id: sm
                name: 站点地图
                type: sitemap
                url: %s/sitemap.xml
                schedule: 30m
                allowPrivateNetwork: true
                """.formatted(base)), SourceCrawler.Known.NONE);
        assertThat(internalHits).isEmpty();
        assertThat(run.posts()).extracting(CrawledPost::url).containsExactly(base + "/art/1.html");
        assertThat(run.errors()).filteredOn(e -> e.kind().equals("BLOCKED_PRIVATE_ADDRESS")).extracting(CrawlRun.CrawlError::url)
                .containsExactly(secret("/b.xml"));
    }

    @Test
    void jsonItemsWhoseUrlIsNotAnAbsoluteHttpUrlAreSkipped() {
        site.on("/api", ex -> LocalServer.send(ex, 200, "application/json; charset=utf-8",
                "{\"items\":[{\"url\":12345,\"text\":\"数字链接\"},{\"url\":\"javascript:alert(1)\",\"text\":\"脚本链接\"},"
                        + "{\"url\":\"/relative/1\",\"text\":\"相对链接\"},{\"url\":\"data:text/html,<b>x</b>\",\"text\":\"数据链接\"},"
                        + "{\"url\":\"  https://weibo.example/ok  \",\"text\":\"正常\"}]}", StandardCharsets.UTF_8));
        CrawlRun run = crawler.run(source("""
                id: api
                name: 接口
                type: json
                url: %s
                schedule: 5m
                allowPrivateNetwork: true
                json:
                  items: /items
                  fields: {url: /url, body: /text}
                """.formatted(site.uri("/api"))), SourceCrawler.Known.NONE);
        assertThat(run.posts()).extracting(CrawledPost::url).containsExactly("http://weibo.example/ok");
        assertThat(run.errors()).extracting(CrawlRun.CrawlError::kind).containsOnly("INVALID_URL").hasSize(4);
        assertThat(run.errors()).extracting(CrawlRun.CrawlError::message).anyMatch(m -> m.contains("javascript:alert(1)"));
    }
}
