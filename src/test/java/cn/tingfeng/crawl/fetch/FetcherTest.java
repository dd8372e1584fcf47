package cn.tingfeng.crawl.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.tingfeng.crawl.testing.LocalServer;
import cn.tingfeng.crawl.testing.ManualClock;

class FetcherTest {

    LocalServer server;
    ManualClock clock;
    Fetcher fetcher;

    @BeforeEach
    void start() throws IOException {
        server = new LocalServer();
        server.on("/robots.txt", ex -> LocalServer.send(ex, 200, "text/plain",
                "User-agent: *\nDisallow: /private/\nCrawl-delay: 5\n", StandardCharsets.UTF_8));
        clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
        fetcher = new Fetcher(FetcherConfig.defaults().withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(500))
                .withLimits(10L * 1024 * 1024, 20L * 1024 * 1024), clock, clock.sleeper());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    FetchRequest local(String path) {
        return FetchRequest.of(server.uri(path)).allowingPrivateNetwork();
    }

    @Test
    void robotsDisallowBlocksThePathUnlessOverriddenWithAReason() {
        server.on("/private/page", ex -> LocalServer.send(ex, 200, "text/html", "<p>秘密</p>", StandardCharsets.UTF_8));
        assertThat(fetcher.fetch(local("/private/page")).outcome()).isEqualTo(FetchOutcome.BLOCKED_BY_ROBOTS);
        FetchResult overridden = fetcher.fetch(local("/private/page").ignoringRobots("本单位自有网站，已获授权"));
        assertThat(overridden.outcome()).isEqualTo(FetchOutcome.OK);
        assertThat(overridden.text()).contains("秘密");
    }

    @Test
    void waitsCrawlDelayBetweenRequestsToTheSameHost() {
        server.on("/a", ex -> LocalServer.send(ex, 200, "text/html", "a", StandardCharsets.UTF_8));
        fetcher.fetch(local("/a"));
        clock.sleeps.clear();
        fetcher.fetch(local("/a"));
        assertThat(clock.sleeps).containsExactly(Duration.ofSeconds(5)); // robots Crawl-delay 5 s beats the 2 s default
    }

    @Test
    void retriesAfter429HonouringRetryAfter() {
        AtomicInteger calls = new AtomicInteger();
        server.on("/limited", ex -> {
            if (calls.incrementAndGet() == 1) {
                ex.getResponseHeaders().set("Retry-After", "7");
                LocalServer.send(ex, 429, "text/plain", "slow down", StandardCharsets.UTF_8);
            } else {
                LocalServer.send(ex, 200, "text/html", "ok", StandardCharsets.UTF_8);
            }
        });
        FetchResult r = fetcher.fetch(local("/limited"));
        assertThat(r.outcome()).isEqualTo(FetchOutcome.OK);
        assertThat(r.attempts()).isEqualTo(2);
        assertThat(clock.sleeps).contains(Duration.ofSeconds(7));
    }

    @Test
    void retriesAfterServerErrorThenSucceedsWithExponentialBackoff() {
        AtomicInteger calls = new AtomicInteger();
        server.on("/flaky", ex -> {
            if (calls.incrementAndGet() <= 2) {
                LocalServer.send(ex, 500, "text/plain", "boom", StandardCharsets.UTF_8);
            } else {
                LocalServer.send(ex, 200, "text/html", "fine", StandardCharsets.UTF_8);
            }
        });
        FetchResult r = fetcher.fetch(local("/flaky"));
        assertThat(r.outcome()).isEqualTo(FetchOutcome.OK);
        assertThat(r.attempts()).isEqualTo(3);
        assertThat(clock.sleeps).contains(Duration.ofSeconds(2), Duration.ofSeconds(4));
    }

    @Test
    void readTimeoutEndsAsTimeoutAfterTheRetries() {
        server.on("/slow", ex -> {
            try {
                Thread.sleep(1500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            LocalServer.send(ex, 200, "text/html", "late", StandardCharsets.UTF_8);
        });
        FetchResult r = fetcher.fetch(local("/slow"));
        assertThat(r.outcome()).isEqualTo(FetchOutcome.TIMEOUT);
        assertThat(r.attempts()).isEqualTo(3);
    }

    @Test
    void fiftyMegabyteBodyIsAbortedAtTheLimit() {
        server.on("/huge", ex -> {
            ex.getResponseHeaders().set("Content-Type", "text/html");
            ex.sendResponseHeaders(200, 0); // chunked: no Content-Length to refuse early
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) 'x');
            try (OutputStream os = ex.getResponseBody()) {
                for (int i = 0; i < 50 * 16; i++) {
                    os.write(chunk);
                }
            } catch (IOException ignored) {
                // the client hung up: expected
            }
        });
        FetchResult r = fetcher.fetch(local("/huge"));
        assertThat(r.outcome()).isEqualTo(FetchOutcome.TOO_LARGE);
        assertThat(r.body()).isNull();
    }

    @Test
    void gzipBombIsStoppedAtTheDecompressedLimit() throws IOException {
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bomb)) {
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 200; i++) {
                gz.write(zeros);
            }
        }
        byte[] compressed = bomb.toByteArray();
        assertThat(compressed.length).isLessThan(1024 * 1024);
        server.on("/bomb", ex -> {
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
            LocalServer.send(ex, 200, "text/html", compressed);
        });
        FetchResult r = fetcher.fetch(local("/bomb"));
        assertThat(r.outcome()).isEqualTo(FetchOutcome.TOO_LARGE);
    }

    @Test
    void decodesGzipDeflateAndBrotli() throws IOException {
        String page = "<html><body><p>连云港市政府召开常务会议。</p></body></html>";
        byte[] plain = page.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream o = new GZIPOutputStream(gz)) {
            o.write(plain);
        }
        ByteArrayOutputStream zl = new ByteArrayOutputStream();
        try (DeflaterOutputStream o = new DeflaterOutputStream(zl, new Deflater(9, false))) {
            o.write(plain);
        }
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        try (DeflaterOutputStream o = new DeflaterOutputStream(raw, new Deflater(9, true))) {
            o.write(plain);
        }
        serveEncoded("/gz", "gzip", gz.toByteArray());
        serveEncoded("/zlib", "deflate", zl.toByteArray());
        serveEncoded("/rawdeflate", "deflate", raw.toByteArray());
        serveEncoded("/br", "br", brotliStored(plain));
        for (String p : new String[] {"/gz", "/zlib", "/rawdeflate", "/br"}) {
            FetchResult r = fetcher.fetch(local(p));
            assertThat(r.outcome()).as(p).isEqualTo(FetchOutcome.OK);
            assertThat(r.text()).as(p).isEqualTo(page);
        }
    }

    private void serveEncoded(String path, String encoding, byte[] body) {
        server.on(path, ex -> {
            ex.getResponseHeaders().set("Content-Encoding", encoding);
            LocalServer.send(ex, 200, "text/html; charset=utf-8", body);
        });
    }

    /** A valid brotli stream holding the data in one uncompressed meta-block (RFC 7932 §9.2). */
    static byte[] brotliStored(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // bits, LSB first: WBITS=0 (16), ISLAST=0, MNIBBLES=00 (4), MLEN-1 (16 bits), ISUNCOMPRESSED=1
        long bits = 0;
        int n = 0;
        bits |= 0L << n++;
        bits |= 0L << n++;
        n += 2;
        bits |= ((long) (data.length - 1) & 0xffff) << n;
        n += 16;
        bits |= 1L << n++;
        int bytes = (n + 7) / 8;
        for (int i = 0; i < bytes; i++) {
            out.write((int) (bits >>> (8 * i)) & 0xff);
        }
        out.write(data, 0, data.length);
        out.write(0b11); // ISLAST=1, ISLASTEMPTY=1
        return out.toByteArray();
    }

    @Test
    void redirectLoopEndsWithTooManyRedirects() {
        server.on("/loop-a", ex -> redirect(ex, "/loop-b"));
        server.on("/loop-b", ex -> redirect(ex, "/loop-a"));
        assertThat(fetcher.fetch(local("/loop-a")).outcome()).isEqualTo(FetchOutcome.TOO_MANY_REDIRECTS);
    }

    @Test
    void redirectToAnotherPrivateAddressIsRefused() {
        server.on("/jump", ex -> redirect(ex, "http://10.0.0.7/admin"));
        server.on("/jump-local", ex -> redirect(ex, "http://localhost:" + server.port() + "/x"));
        FetchResult r = fetcher.fetch(local("/jump"));
        assertThat(r.outcome()).isEqualTo(FetchOutcome.BLOCKED_PRIVATE_ADDRESS);
        assertThat(r.message()).contains("10.0.0.7");
        assertThat(fetcher.fetch(local("/jump-local")).outcome()).isEqualTo(FetchOutcome.BLOCKED_PRIVATE_ADDRESS);
    }

    @Test
    void privateAddressIsRefusedUnlessTheSourceAllowsIt() {
        server.on("/ok", ex -> LocalServer.send(ex, 200, "text/html", "ok", StandardCharsets.UTF_8));
        assertThat(fetcher.fetch(FetchRequest.of(server.uri("/ok"))).outcome()).isEqualTo(FetchOutcome.BLOCKED_PRIVATE_ADDRESS);
        assertThat(fetcher.fetch(FetchRequest.of(URI.create("http://[::1]:9/x"))).outcome()).isEqualTo(FetchOutcome.BLOCKED_PRIVATE_ADDRESS);
        assertThat(fetcher.fetch(FetchRequest.of(URI.create("http://169.254.169.254/latest/meta-data/"))).outcome())
                .isEqualTo(FetchOutcome.BLOCKED_PRIVATE_ADDRESS);
    }

    @Test
    void conditionalGetReturnsNotModifiedForTheSameEtag() {
        server.on("/cond", ex -> {
            String inm = ex.getRequestHeaders().getFirst("If-None-Match");
            ex.getResponseHeaders().set("ETag", "\"v1\"");
            ex.getResponseHeaders().set("Last-Modified", "Wed, 31 Dec 2025 10:00:00 GMT");
            if ("\"v1\"".equals(inm)) {
                LocalServer.send(ex, 304, null, new byte[0]);
            } else {
                LocalServer.send(ex, 200, "text/html", "v1", StandardCharsets.UTF_8);
            }
        });
        FetchResult first = fetcher.fetch(local("/cond"));
        assertThat(first.etag()).isEqualTo("\"v1\"");
        FetchResult second = fetcher.fetch(local("/cond").conditional(first.etag(), first.lastModified()));
        assertThat(second.outcome()).isEqualTo(FetchOutcome.NOT_MODIFIED);
    }

    @Test
    void goneAndMissingPagesAreReportedAsGone() {
        server.on("/deleted", ex -> LocalServer.send(ex, 410, "text/html", "gone", StandardCharsets.UTF_8));
        FetchResult r = fetcher.fetch(local("/deleted"));
        assertThat(r.outcome()).isEqualTo(FetchOutcome.GONE);
        assertThat(r.status()).isEqualTo(410);
    }

    @Test
    void wrongCharsetHeaderStillDecodesGbkPage() {
        String page = "<html><head><meta charset=\"utf-8\"><title>灌云县人民政府</title></head><body><p>灌云县召开防汛工作会议，部署今年汛期各项工作。</p></body></html>";
        server.on("/gbk", ex -> LocalServer.send(ex, 200, "text/html; charset=utf-8", page.getBytes(Charset.forName("GBK"))));
        FetchResult r = fetcher.fetch(local("/gbk"));
        assertThat(r.text()).contains("灌云县召开防汛工作会议");
    }

    private static void redirect(com.sun.net.httpserver.HttpExchange ex, String to) throws IOException {
        ex.getResponseHeaders().set("Location", to);
        LocalServer.send(ex, 302, "text/plain", new byte[0]);
    }
}
