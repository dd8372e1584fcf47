package cn.tingfeng.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.tingfeng.crawl.extract.ArticleExtractor;
import cn.tingfeng.crawl.fetch.Fetcher;
import cn.tingfeng.crawl.fetch.FetcherConfig;
import cn.tingfeng.crawl.parse.ImportFileParser;
import cn.tingfeng.crawl.testing.LocalServer;
import cn.tingfeng.crawl.testing.ManualClock;
import cn.tingfeng.source.SourceDefinition;
import cn.tingfeng.source.SourceReader;

/** Whole runs of each source type against a local server on 127.0.0.1. */
class SourceCrawlerTest {

    static final Charset GB18030 = Charset.forName("GB18030");
    LocalServer server;
    ManualClock clock;
    SourceCrawler crawler;
    Map<String, String> env = new java.util.HashMap<>();

    @BeforeEach
    void start() throws IOException {
        server = new LocalServer();
        server.on("/robots.txt", ex -> LocalServer.send(ex, 404, "text/plain", "", StandardCharsets.UTF_8));
        clock = new ManualClock(Instant.parse("2026-03-01T02:00:00Z"));
        Fetcher fetcher = new Fetcher(FetcherConfig.defaults().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2)), clock, clock.sleeper());
        crawler = new SourceCrawler(fetcher, new ArticleExtractor(clock), clock, env::get, 500);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static String article(String title, String date, String paragraph) {
        return "<html><head><meta charset=\"gb2312\"><title>" + title + "_连云港市人民政府</title></head><body>"
                + "<div class=\"nav\"><a href=\"/\">首页</a> <a href=\"/a\">政务公开</a> <a href=\"/b\">政务服务</a> <a href=\"/c\">互动交流</a></div>"
                + "<div class=\"main\"><h1>" + title + "</h1><div class=\"info\">发布时间：" + date + " 来源：连云港市政府办公室</div>"
                + "<div class=\"content\"><p>" + paragraph + "</p><p>" + paragraph.replace("。", "，并作出具体部署。") + "</p></div></div>"
                + "<div class=\"footer\">主办：连云港市人民政府办公室 苏ICP备00000000号</div></body></html>";
    }

    SourceDefinition source(String yaml) {
        SourceReader.Result r = SourceReader.read("test.yaml", yaml);
        assertThat(r.errors()).isEmpty();
        return r.definition();
    }

    @Test
    void gb18030FeedLeadsToExtractedArticles() {
        String feed = "<?xml version=\"1.0\" encoding=\"GB18030\"?><rss version=\"2.0\"><channel><title>连云港要闻</title>"
                + "<item><title>市政府召开常务会议</title><link>" + server.uri("/art/1.html") + "?utm_source=rss</link>"
                + "<pubDate>Sun, 01 Mar 2026 08:00:00 +0800</pubDate></item>"
                + "<item><title>灌南县部署防汛</title><link>" + server.uri("/art/2.html") + "</link></item></channel></rss>";
        server.on("/feed.xml", ex -> LocalServer.send(ex, 200, "application/rss+xml", feed.getBytes(GB18030)));
        server.on("/art/1.html", ex -> LocalServer.send(ex, 200, "text/html",
                article("市政府召开常务会议", "2026-03-01 08:00", "会议研究了海州区老旧小区改造和墟沟片区排水工程等事项。").getBytes(GB18030)));
        server.on("/art/2.html", ex -> LocalServer.send(ex, 200, "text/html; charset=utf-8", // wrong header: bytes are GB18030
                article("灌南县部署防汛", "2026年2月28日 16:30", "灌南县要求各乡镇做好汛前检查，确保群众安全度汛。").getBytes(GB18030)));
        CrawlRun run = crawler.run(source("""
                id: feed
                name: 测试订阅
                type: rss
                url: %s
                schedule: 15m
                allowPrivateNetwork: true
                """.formatted(server.uri("/feed.xml"))), SourceCrawler.Known.NONE);
        assertThat(run.errors()).isEmpty();
        assertThat(run.posts()).hasSize(2);
        CrawledPost first = run.posts().get(0);
        assertThat(first.url()).isEqualTo(server.uri("/art/1.html").toString());
        assertThat(first.title()).isEqualTo("市政府召开常务会议");
        assertThat(first.body()).contains("墟沟片区排水工程").doesNotContain("政务服务").doesNotContain("苏ICP备");
        assertThat(first.publishedAt()).isEqualTo(LocalDateTime.of(2026, 3, 1, 8, 0));
        assertThat(run.posts().get(1).body()).contains("确保群众安全度汛");
        assertThat(run.posts().get(1).publishedAt()).isEqualTo(LocalDateTime.of(2026, 2, 28, 16, 30));
    }

    @Test
    void sitemapIndexAndNewsSitemapAreFollowedAndMissingPagesReportedGone() {
        String base = server.uri("").toString();
        server.on("/sitemap.xml", ex -> LocalServer.send(ex, 200, "application/xml",
                "<?xml version=\"1.0\"?><sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                        + "<sitemap><loc>" + base + "/news-sitemap.xml</loc></sitemap></sitemapindex>", StandardCharsets.UTF_8));
        server.on("/news-sitemap.xml", ex -> LocalServer.send(ex, 200, "application/xml",
                "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
                        + "xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">"
                        + "<url><loc>" + base + "/n/1.html</loc><news:news><news:publication><news:name>测试</news:name><news:language>zh</news:language></news:publication>"
                        + "<news:publication_date>2026-02-27T09:30:00+08:00</news:publication_date><news:title>东海县水晶产业发展</news:title></news:news></url>"
                        + "<url><loc>" + base + "/n/deleted.html</loc><lastmod>2026-02-20</lastmod></url></urlset>", StandardCharsets.UTF_8));
        server.on("/n/1.html", ex -> LocalServer.send(ex, 200, "text/html",
                article("东海县水晶产业发展", "2026-02-27", "东海县水晶产业集群年交易额持续增长，带动就业数万人。").getBytes(GB18030)));
        server.on("/n/deleted.html", ex -> LocalServer.send(ex, 404, "text/html", "not found", StandardCharsets.UTF_8));
        CrawlRun run = crawler.run(source("""
                id: sm
                name: 站点地图
                type: sitemap
                url: %s/sitemap.xml
                schedule: 30m
                allowPrivateNetwork: true
                """.formatted(base)), SourceCrawler.Known.NONE);
        assertThat(run.posts()).singleElement().satisfies(p -> {
            assertThat(p.body()).contains("水晶产业集群");
            assertThat(p.publishedAt()).isEqualTo(LocalDate.of(2026, 2, 27));
        });
        assertThat(run.gone()).containsExactly(base + "/n/deleted.html");
    }

    @Test
    void jsonApiIsPagedWithTheTokenFromTheEnvironment() {
        env.put("TEST_API_TOKEN", "s3cret");
        server.on("/api/posts", ex -> {
            if (!"Bearer s3cret".equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                LocalServer.send(ex, 401, "application/json", "{\"error\":\"unauthorized\"}", StandardCharsets.UTF_8);
                return;
            }
            String q = ex.getRequestURI().getQuery();
            int page = q != null && q.contains("page=2") ? 2 : q != null && q.contains("page=3") ? 3 : 1;
            String items = page == 3 ? "[]" : "[{\"id\":\"" + page + "a\",\"link\":\"https://weibo.example/" + page + "a?from=timeline\","
                    + "\"text\":\"连云港徐圩新区一企业疑似排污，网友反映气味刺鼻。\",\"user\":{\"name\":\"网友" + page + "\"},"
                    + "\"created\":\"2026-02-2" + page + " 10:0" + page + "\",\"stats\":{\"likes\":" + (page * 10) + ",\"reposts\":\"3\"}}]";
            LocalServer.send(ex, 200, "application/json; charset=utf-8", "{\"data\":{\"items\":" + items + "}}", StandardCharsets.UTF_8);
        });
        SourceDefinition def = source("""
                id: api
                name: 数据服务商
                type: json
                url: %s
                schedule: 5m
                platform: 微博
                allowPrivateNetwork: true
                json:
                  items: "$.data.items"
                  fields: {url: /link, body: /text, author: /user/name, publishedAt: /created, likes: /stats/likes, shares: /stats/reposts}
                  paging: {pageParam: page, start: 1, maxPages: 5}
                  authHeader: Authorization
                  authEnv: TEST_API_TOKEN
                  authPrefix: "Bearer "
                """.formatted(server.uri("/api/posts")));
        CrawlRun run = crawler.run(def, SourceCrawler.Known.NONE);
        assertThat(run.errors()).isEmpty();
        assertThat(run.posts()).extracting(CrawledPost::url)
                .containsExactly("http://weibo.example/1a", "http://weibo.example/2a");
        assertThat(run.posts().get(1).engagement()).containsEntry("likes", 20L).containsEntry("shares", 3L);
        assertThat(run.posts().get(0).author()).isEqualTo("网友1");
        assertThat(run.posts().get(0).publishedAt()).isEqualTo(LocalDateTime.of(2026, 2, 21, 10, 1));

        env.clear();
        CrawlRun without = crawler.run(def, SourceCrawler.Known.NONE);
        assertThat(without.posts()).isEmpty();
        assertThat(without.errors()).singleElement().extracting(CrawlRun.CrawlError::kind).isEqualTo("CONFIGURATION");
    }

    @Test
    void malformedHtmlStillGivesTheArticle() {
        String broken = "<html><body><div><table><tr><td><a href=/x>首页</a><td><font><b>海州区城管整治占道经营"
                + "<div class=content><p>海州区城管局开展占道经营专项整治，清理流动摊点一百余处。<p>市民反映通行环境明显改善，"
                + "整治将持续到月底。</div></b><span>2026-02-26 09:12</td></tr></body>";
        server.on("/list", ex -> LocalServer.send(ex, 200, "text/html; charset=utf-8",
                "<ul class=list><li><a href='/broken.html'>海州区城管整治占道经营</a><span>2026-02-26</span></li></ul>", StandardCharsets.UTF_8));
        server.on("/broken.html", ex -> LocalServer.send(ex, 200, "text/html; charset=utf-8", broken, StandardCharsets.UTF_8));
        CrawlRun run = crawler.run(source("""
                id: list
                name: 列表
                type: html
                url: %s
                schedule: 10m
                allowPrivateNetwork: true
                html: {item: "ul.list li", maxPages: 1, maxDepth: 1}
                """.formatted(server.uri("/list"))), SourceCrawler.Known.NONE);
        assertThat(run.posts()).singleElement().satisfies(p -> {
            assertThat(p.body()).contains("清理流动摊点一百余处").contains("整治将持续到月底");
            assertThat(p.title()).isEqualTo("海州区城管整治占道经营");
        });
    }

    @Test
    void htmlListPagesAreFollowedOverRealFixturePagesAndUnchangedPagesAreNotRefetched() throws IOException {
        Path gne = Path.of(System.getProperty("tingfeng.shared", Path.of("..", "shared").toString())).resolve("fixtures/pages/gne/tests");
        Assumptions.assumeTrue(Files.isDirectory(gne), "../shared not present: skipping fixture test");
        List<Path> pages;
        try (var s = Files.walk(gne)) {
            pages = s.filter(p -> p.toString().endsWith(".html")).sorted().limit(6).toList();
        }
        for (int i = 0; i < pages.size(); i++) {
            byte[] bytes = Files.readAllBytes(pages.get(i));
            server.on("/p/" + i + ".html", ex -> {
                ex.getResponseHeaders().set("ETag", "\"fixed\"");
                if ("\"fixed\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                    LocalServer.send(ex, 304, null, new byte[0]);
                } else {
                    LocalServer.send(ex, 200, "text/html", bytes);
                }
            });
        }
        for (int page = 1; page <= 3; page++) {
            StringBuilder list = new StringBuilder("<ul class=news>");
            for (int i = (page - 1) * 2; i < page * 2; i++) {
                list.append("<li><a href='/p/").append(i).append(".html'>条目").append(i).append("</a></li>");
            }
            list.append("</ul>");
            if (page < 3) {
                list.append("<div class=pages><a href='/list/").append(page + 1).append("'>下一页</a></div>");
            }
            String html = list.toString();
            server.on("/list/" + page, ex -> LocalServer.send(ex, 200, "text/html; charset=utf-8", html, StandardCharsets.UTF_8));
        }
        SourceDefinition def = source("""
                id: list
                name: 列表
                type: html
                url: %s
                schedule: 10m
                allowPrivateNetwork: true
                html: {item: "ul.news li", nextPage: "a:matchesOwn(^下一页$)", maxPages: 2, maxDepth: 1}
                """.formatted(server.uri("/list/1")));
        CrawlRun run = crawler.run(def, SourceCrawler.Known.NONE);
        assertThat(run.posts()).hasSize(4); // maxPages bounds the pagination
        assertThat(run.posts()).allSatisfy(p -> assertThat(p.body().length()).isGreaterThan(100));
        Map<String, String[]> validators = new java.util.HashMap<>();
        run.posts().forEach(p -> validators.put(p.url(), new String[] {p.etag(), p.lastModified()}));
        CrawlRun again = crawler.run(def, validators::get);
        assertThat(again.posts()).isEmpty();
        assertThat(again.notModified()).hasSize(4);
    }

    @Test
    void importFolderTakesCsvJsonlAndExcelOnceWithAReport(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("a.csv"), ("标题,链接,正文,发布时间,平台\n"
                + "灌云县一学校食堂问题,https://bbs.example/t/1,\"网友反映食堂卫生差，\"\"饭菜\"\"有异物。\",2026-02-25 08:00,论坛\n"
                + "无链接,,正文,2026-02-25,论坛\n"
                + "坏时间,https://bbs.example/t/2,正文,下周三,论坛\n").getBytes(Charset.forName("GBK")));
        Files.writeString(dir.resolve("b.jsonl"), "{\"url\":\"https://weibo.example/9\",\"content\":\"赣榆区海鲜市场价格\",\"time\":\"2026-02-24T10:00:00+08:00\"}\n"
                + "not json\n");
        try (OutputStream os = Files.newOutputStream(dir.resolve("c.xlsx")); Workbook wb = new Workbook(os, "test", "1.0")) {
            Worksheet ws = wb.newWorksheet("导出");
            String[] h = {"标题", "网址", "内容", "作者", "点赞数"};
            for (int i = 0; i < h.length; i++) {
                ws.value(0, i, h[i]);
            }
            ws.value(1, 0, "连云区渔民反映补贴未到位");
            ws.value(1, 1, "https://news.example/x?utm_source=export");
            ws.value(1, 2, "连云区多名渔民反映燃油补贴迟迟未到位。");
            ws.value(1, 3, "记者甲");
            ws.value(1, 4, 12);
            ws.value(2, 0, "");
            ws.value(2, 1, "https://news.example/empty");
        }
        SourceDefinition def = source("""
                id: imp
                name: 导入
                type: import
                schedule: 5m
                import: {folder: "%s"}
                """.formatted(dir.toString().replace("\\", "/")));
        CrawlRun run = crawler.run(def, SourceCrawler.Known.NONE);
        assertThat(run.posts()).extracting(CrawledPost::url).containsExactlyInAnyOrder(
                "http://bbs.example/t/1", "http://weibo.example/9", "http://news.example/x");
        Map<String, ImportFileParser.ImportReport> reports = new java.util.HashMap<>();
        run.imports().forEach(r -> reports.put(r.file(), r));
        assertThat(reports.get("a.csv").rejected()).extracting(ImportFileParser.Rejected::reason)
                .anyMatch(r -> r.contains("缺少链接")).anyMatch(r -> r.contains("发布时间无法识别"));
        assertThat(reports.get("b.jsonl").rejected()).extracting(ImportFileParser.Rejected::row).containsExactly(2);
        assertThat(reports.get("c.xlsx").rejected()).extracting(ImportFileParser.Rejected::reason).containsExactly("标题和正文都为空");
        assertThat(run.posts()).filteredOn(p -> p.url().contains("bbs")).singleElement()
                .satisfies(p -> assertThat(p.body()).contains("\"饭菜\"有异物"));
        assertThat(run.posts()).filteredOn(p -> p.url().contains("news.example")).singleElement()
                .satisfies(p -> assertThat(p.engagement()).containsEntry("likes", 12L));

        java.util.Set<String> done = new java.util.HashSet<>(run.importedFileHashes());
        CrawlRun second = crawler.run(def, new SourceCrawler.Known() {
            public String[] validators(String url) {
                return null;
            }

            public boolean imported(String hash) {
                return done.contains(hash);
            }
        });
        assertThat(second.posts()).isEmpty();
        assertThat(second.imports()).isEmpty();
    }
}
