package cn.tingfeng.crawl;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import cn.tingfeng.crawl.extract.ArticleExtractor;
import cn.tingfeng.crawl.fetch.Fetcher;
import cn.tingfeng.crawl.fetch.FetcherConfig;
import cn.tingfeng.crawl.fetch.Sleeper;
import cn.tingfeng.source.SourceDefinition;
import cn.tingfeng.source.SourceReader;
import us.codecraft.webmagic.Page;
import us.codecraft.webmagic.Site;
import us.codecraft.webmagic.Spider;
import us.codecraft.webmagic.processor.PageProcessor;

/**
 * Pages/s for fetch + parse + extract over the fixture pages served by local servers on four loopback
 * addresses (four "hosts"), against WebMagic crawling the same pages in the same run. Same politeness for
 * both: one connection per host and the same delay between requests to a host. WebMagic has no per-host
 * politeness, so one thread is the only setting that keeps one connection per host; Tingfeng's fetcher
 * enforces it per host and crawls different hosts in parallel. A second pass with no delay compares the
 * processing alone (one host, sequential, both sides).
 */
@Tag("benchmark")
class CrawlBenchmark {

    static final int HOSTS = 4;

    @Test
    void pagesPerSecondAgainstWebMagic() throws Exception {
        Path pages = Path.of(System.getProperty("tingfeng.shared", Path.of("..", "shared").toString())).resolve("fixtures/pages");
        Assumptions.assumeTrue(Files.isDirectory(pages), "../shared not present: skipping fixture test");
        List<byte[]> bodies = new ArrayList<>();
        try (Stream<Path> s = Files.walk(pages)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".html") && !p.toString().contains("test_list_page")).sorted().toList()) {
                bodies.add(Files.readAllBytes(p));
            }
        }
        List<HttpServer> servers = new ArrayList<>();
        List<String> lists = new ArrayList<>();
        for (int h = 0; h < HOSTS; h++) {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0." + (h + 1), 0), 64);
            server.setExecutor(Executors.newFixedThreadPool(2));
            StringBuilder list = new StringBuilder("<html><body><ul class=news>");
            for (int i = h; i < bodies.size(); i += HOSTS) {
                byte[] b = bodies.get(i);
                server.createContext("/p/" + i + ".html", ex -> {
                    ex.getResponseHeaders().set("Content-Type", "text/html");
                    ex.sendResponseHeaders(200, b.length);
                    ex.getResponseBody().write(b);
                    ex.close();
                });
                list.append("<li><a href=\"/p/").append(i).append(".html\">").append(i).append("</a></li>");
            }
            byte[] listBytes = list.append("</ul></body></html>").toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/list", ex -> {
                ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                ex.sendResponseHeaders(200, listBytes.length);
                ex.getResponseBody().write(listBytes);
                ex.close();
            });
            server.createContext("/robots.txt", ex -> {
                ex.sendResponseHeaders(404, -1);
                ex.close();
            });
            server.start();
            servers.add(server);
            lists.add("http://127.0.0." + (h + 1) + ":" + server.getAddress().getPort() + "/list");
        }
        try {
            int total = bodies.size();
            java.util.Map<String, Number> figures = new java.util.LinkedHashMap<>();
            figures.put("crawl.pages", total);
            System.out.printf("Benchmark: %d fixture pages on %d local hosts (+%d list pages)%n", total, HOSTS, HOSTS);
            for (int delayMs : new int[] {200}) {
                runTingfeng(lists, delayMs, true); // warm-up (JIT)
                runWebMagic(lists, delayMs, true);
                double ours = runTingfeng(lists, delayMs, false);
                double wm = runWebMagic(lists, delayMs, false);
                System.out.printf("Politeness %d ms/host, 1 connection/host: Tingfeng %.1f pages/s, WebMagic %.1f pages/s, ratio %.2f×%n",
                        delayMs, ours, wm, ours / wm);
                figures.put("crawl.pagesPerSecond", ours);
                figures.put("crawl.webmagicPagesPerSecond", wm);
                figures.put("crawl.speedup", ours / wm);
            }
            List<String> one = lists.subList(0, 1);
            double ours0 = runTingfeng(one, 0, false);
            double wm0 = runWebMagic(one, 0, false);
            System.out.printf("No delay, one host, sequential (processing only): Tingfeng %.1f pages/s, WebMagic %.1f pages/s, ratio %.2f×%n",
                    ours0, wm0, ours0 / wm0);
            figures.put("crawl.noDelay.pagesPerSecond", ours0);
            figures.put("crawl.noDelay.webmagicPagesPerSecond", wm0);
            figures.put("crawl.noDelay.speedup", ours0 / wm0);
            cn.tingfeng.bench.BenchResults.write("crawl", figures);
        } finally {
            servers.forEach(s -> s.stop(0));
        }
    }

    /** Pages/s of article pages (list pages not counted) through SourceCrawler: fetch, charset, extract. */
    private double runTingfeng(List<String> lists, int delayMs, boolean warmup) throws Exception {
        Clock clock = Clock.systemDefaultZone();
        Fetcher fetcher = new Fetcher(FetcherConfig.defaults().withDefaultDelay(Duration.ofMillis(delayMs)), clock, Sleeper.REAL);
        SourceCrawler crawler = new SourceCrawler(fetcher, new ArticleExtractor(clock), clock, System::getenv, 10_000);
        ExecutorService pool = Executors.newFixedThreadPool(lists.size());
        long start = System.nanoTime();
        List<Future<CrawlRun>> runs = new ArrayList<>();
        for (String list : lists) {
            SourceDefinition def = SourceReader.read("bench.yaml", """
                    id: bench
                    name: bench
                    type: html
                    url: %s
                    schedule: 10m
                    allowPrivateNetwork: true
                    politeness: {delay: %s}
                    html: {item: "ul.news li", maxPages: 1, maxDepth: 1}
                    """.formatted(list, delayMs >= 500 ? delayMs + "ms" : "500ms")).definition();
            SourceDefinition d = new SourceDefinition(def.id(), def.name(), def.type(), def.url(), def.schedule(), def.keywords(),
                    def.platform(), new SourceDefinition.Politeness(Duration.ofMillis(delayMs), false, null),
                    def.allowPrivateNetwork(), true, def.html(), null, null, null, def.file());
            runs.add(pool.submit(() -> crawler.run(d, SourceCrawler.Known.NONE)));
        }
        int pages = 0;
        for (Future<CrawlRun> f : runs) {
            CrawlRun r = f.get();
            pages += r.posts().size();
            if (!r.errors().isEmpty() && !warmup) {
                System.out.println("errors: " + r.errorsByKind());
            }
        }
        double secs = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return pages / secs;
    }

    private double runWebMagic(List<String> lists, int delayMs, boolean warmup) {
        AtomicInteger extracted = new AtomicInteger();
        PageProcessor processor = new PageProcessor() {
            final Site site = Site.me().setSleepTime(delayMs).setRetryTimes(0).setTimeOut(30_000);

            @Override
            public void process(Page page) {
                if (page.getUrl().toString().endsWith("/list")) {
                    page.addTargetRequests(page.getHtml().links().all());
                    page.setSkip(true);
                    return;
                }
                String body = page.getHtml().smartContent().get();
                String title = page.getHtml().xpath("//title/text()").get();
                page.putField("title", title);
                page.putField("body", body);
                extracted.incrementAndGet();
            }

            @Override
            public Site getSite() {
                return site;
            }
        };
        long start = System.nanoTime();
        Spider spider = Spider.create(processor).addUrl(lists.toArray(new String[0])).thread(1)
                .addPipeline((items, task) -> { }); // no console printing
        spider.setEmptySleepTime(10); // do not idle 30 s waiting for new URLs at the end
        spider.run();
        double secs = (System.nanoTime() - start) / 1e9;
        return extracted.get() / secs;
    }
}
