package cn.tingfeng.crawl.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.tingfeng.crawl.testing.LocalServer;
import cn.tingfeng.crawl.testing.ManualClock;
import cn.tingfeng.shared.net.OutboundGuard;
import cn.tingfeng.shared.net.Resolver;

/** Servers and name servers that fight back: DNS rebinding, a slow drip, the pinned connection's own HTTP. */
class FetcherHostileTest {

    LocalServer server;
    ManualClock clock;
    final AtomicInteger hits = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        server = new LocalServer();
        server.on("/robots.txt", ex -> LocalServer.send(ex, 404, "text/plain", "", StandardCharsets.UTF_8));
        server.on("/secret", ex -> {
            hits.incrementAndGet();
            LocalServer.send(ex, 200, "text/plain", "内网机密", StandardCharsets.UTF_8);
        });
        server.on("/host", ex -> LocalServer.send(ex, 200, "text/plain",
                "host=" + ex.getRequestHeaders().getFirst("Host"), StandardCharsets.UTF_8));
        clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    Fetcher fetcher(FetcherConfig config, Resolver resolver) {
        return new Fetcher(config, clock, clock.sleeper(), resolver);
    }

    static FetcherConfig quick() {
        return FetcherConfig.defaults().withTimeouts(Duration.ofMillis(500), Duration.ofSeconds(1));
    }

    static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void dnsRebindingCannotReachLoopbackBecauseTheConnectionUsesTheCheckedAddress() {
        // the name server answers a public-looking address when the guard checks, and 127.0.0.1 to any other lookup
        // (the one a connection that resolves by itself would make)
        AtomicInteger lookups = new AtomicInteger();
        Resolver rebinding = host -> {
            lookups.incrementAndGet();
            boolean checking = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
                    .walk(frames -> frames.anyMatch(f -> f.getDeclaringClass() == OutboundGuard.class));
            return new InetAddress[] {checking ? ip("203.0.113.7") : ip("127.0.0.1")};
        };
        FetchResult r = fetcher(quick(), rebinding).fetch(
                FetchRequest.of(URI.create("http://rebind.test:" + server.port() + "/secret")).ignoringRobots("测试：DNS 重绑定"));
        assertThat(hits).as("requests that reached the loopback server").hasValue(0);
        assertThat(r.outcome()).isNotEqualTo(FetchOutcome.OK);
        assertThat(lookups.get()).isPositive();
    }

    @Test
    void pinnedConnectionSendsTheOriginalHostHeader() {
        Resolver local = host -> new InetAddress[] {ip("127.0.0.1")};
        URI url = URI.create("http://intranet.test:" + server.port() + "/host");
        FetchResult r = fetcher(quick(), local).fetch(FetchRequest.of(url).allowingPrivateNetwork());
        assertThat(r.outcome()).isEqualTo(FetchOutcome.OK);
        assertThat(r.text()).isEqualTo("host=intranet.test:" + server.port());
    }

    @Test
    void slowDripEndsAtTheTotalDeadlineWithoutRetrying() throws Exception {
        try (ServerSocket drip = new ServerSocket(0, 8, InetAddress.getByName("127.0.0.1"))) {
            Thread t = new Thread(() -> serveDrip(drip));
            t.setDaemon(true);
            t.start();
            FetcherConfig config = quick().withDeadline(Duration.ofSeconds(2)); // each byte comes well within the 1 s read timeout
            long began = System.nanoTime();
            FetchResult r = fetcher(config, Resolver.SYSTEM).fetch(
                    FetchRequest.of(URI.create("http://127.0.0.1:" + drip.getLocalPort() + "/drip")).allowingPrivateNetwork()
                            .ignoringRobots("测试：慢速滴灌"));
            Duration took = Duration.ofNanos(System.nanoTime() - began);
            assertThat(r.outcome()).isEqualTo(FetchOutcome.DEADLINE_EXCEEDED);
            assertThat(r.message()).contains("总时限");
            assertThat(r.attempts()).isEqualTo(1);
            assertThat(took).isBetween(Duration.ofMillis(1800), Duration.ofMillis(4000));
        }
    }

    /** Headers at once, then one byte every 300 ms of a 40-byte body (12 s in all). */
    private static void serveDrip(ServerSocket drip) {
        while (!drip.isClosed()) {
            try (Socket s = drip.accept()) {
                InputStream in = s.getInputStream();
                byte[] buf = new byte[4096];
                in.read(buf);
                OutputStream out = s.getOutputStream();
                out.write("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 40\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                for (int i = 0; i < 40; i++) {
                    out.write('x');
                    out.flush();
                    Thread.sleep(300);
                }
            } catch (IOException | InterruptedException e) {
                // client gave up, or the test ended
            }
        }
    }

    @Test
    void chunkedResponsesAreDecoded() {
        server.on("/chunked", ex -> {
            ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            ex.sendResponseHeaders(200, 0);
            try (OutputStream os = ex.getResponseBody()) {
                for (int i = 0; i < 50; i++) {
                    os.write(("<p>第" + i + "段</p>").getBytes(StandardCharsets.UTF_8));
                    os.flush();
                }
            }
        });
        FetchResult r = fetcher(quick(), Resolver.SYSTEM).fetch(FetchRequest.of(server.uri("/chunked")).allowingPrivateNetwork());
        assertThat(r.outcome()).isEqualTo(FetchOutcome.OK);
        assertThat(r.text()).startsWith("<p>第0段</p>").endsWith("<p>第49段</p>");
    }
}
