package cn.tingfeng.crawl.fetch;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

import org.brotli.dec.BrotliInputStream;

import cn.tingfeng.shared.net.AllowList;
import cn.tingfeng.shared.net.OutboundGuard;
import cn.tingfeng.shared.net.PinnedHttp;
import cn.tingfeng.shared.net.Resolver;
import crawlercommons.robots.BaseRobotRules;

/**
 * Polite HTTP fetcher: one connection per host with a delay between requests (the larger of the
 * configured delay and robots.txt Crawl-delay), robots.txt obeyed unless a request carries a written
 * override reason, conditional GET, retries with exponential backoff on timeouts, 429 and 5xx
 * (honouring Retry-After), limits on wire and decoded size, a total deadline per attempt besides the read timeout,
 * redirects followed by hand so that every hop passes the {@link OutboundGuard}. Each hop resolves the host once,
 * checks every address and connects to the checked one ({@link PinnedHttp}): a DNS answer that changes between check
 * and connection cannot reach an internal address. Only {@link FetchRequest#privateHost()} may be internal.
 * Thread-safe; requests to different hosts run in parallel.
 */
public final class Fetcher {

    private final FetcherConfig config;
    private final Clock clock;
    private final Sleeper sleeper;
    private final RobotsCache robots;
    private final OutboundGuard guard;
    private final Map<String, Host> hosts = new ConcurrentHashMap<>();

    private static final class Host {
        final ReentrantLock lock = new ReentrantLock(true);
        Instant nextAllowed = Instant.MIN;
    }

    /** Thrown inside a fetch to end it with an outcome. */
    private static final class Stop extends Exception {
        final FetchOutcome outcome;
        final int status;

        Stop(FetchOutcome outcome, int status, String message) {
            super(message, null, false, false);
            this.outcome = outcome;
            this.status = status;
        }
    }

    public Fetcher(FetcherConfig config, Clock clock, Sleeper sleeper) {
        this(config, clock, sleeper, Resolver.SYSTEM);
    }

    /** With a resolver seam (tests answer differently on each call to prove the connection uses the checked address). */
    public Fetcher(FetcherConfig config, Clock clock, Sleeper sleeper, Resolver resolver) {
        this.config = config;
        this.clock = clock;
        this.sleeper = sleeper;
        this.robots = new RobotsCache(this, config, clock);
        this.guard = new OutboundGuard(resolver, AllowList.NONE);
    }

    /** Null when the guard lets {@code url} through for this request, else the reason (Chinese). */
    public String refusal(URI url, FetchRequest request) {
        try {
            guard.check(url, request.privateAllowedFor(url));
            return null;
        } catch (OutboundGuard.Refused r) {
            return r.getMessage();
        } catch (UnknownHostException e) {
            return null; // not an internal address as far as anyone can tell; fetching it fails as a network error
        }
    }

    public FetcherConfig config() {
        return config;
    }

    public FetchResult fetch(FetchRequest request) {
        Instant start = clock.instant();
        URI url = request.url();
        if (url == null || url.getHost() == null) {
            return failure(request, url, FetchOutcome.INVALID_URL, 0, 0, start, "无效的地址：" + url);
        }
        String refused = refusal(url, request);
        if (refused != null) {
            return failure(request, url, FetchOutcome.BLOCKED_PRIVATE_ADDRESS, 0, 0, start, refused);
        }
        String robotsReason = request.robotsOverrideReason();
        Duration crawlDelay = Duration.ZERO;
        if (robotsReason == null || robotsReason.isBlank()) {
            BaseRobotRules rules;
            try {
                rules = robots.rulesFor(url, request);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return failure(request, url, FetchOutcome.NETWORK_ERROR, 0, 0, start, "抓取被中断");
            }
            if (!rules.isAllowed(url.toString())) {
                return failure(request, url, FetchOutcome.BLOCKED_BY_ROBOTS, 0, 0, start, "robots.txt 禁止抓取：" + url);
            }
            if (rules.getCrawlDelay() > 0) {
                crawlDelay = Duration.ofMillis(Math.min(rules.getCrawlDelay(), config.maxCrawlDelay().toMillis()));
            }
        }
        Duration delay = request.delay() != null ? request.delay() : config.defaultDelay();
        if (crawlDelay.compareTo(delay) > 0) {
            delay = crawlDelay;
        }
        return fetchWithRetries(request, delay, start);
    }

    /** Fetch without robots (used for robots.txt itself). */
    FetchResult fetchRaw(FetchRequest request, Duration delay) {
        return fetchWithRetries(request, delay, clock.instant());
    }

    private FetchResult fetchWithRetries(FetchRequest request, Duration delay, Instant start) {
        int attempt = 0;
        FetchResult last = null;
        while (attempt < Math.max(1, config.maxAttempts())) {
            attempt++;
            Duration wait;
            try {
                last = fetchFollowingRedirects(request, delay, attempt, start);
                if (!retryable(last)) {
                    return last;
                }
                wait = backoff(attempt, last);
                if (wait == null) {
                    return withOutcome(last, FetchOutcome.RATE_LIMITED, "Retry-After 超过上限，放弃本次抓取");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return failure(request, request.url(), FetchOutcome.NETWORK_ERROR, 0, attempt, start, "抓取被中断");
            }
            if (attempt >= config.maxAttempts()) {
                break;
            }
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return last;
            }
        }
        if (last != null && last.message() != null && last.message().startsWith("retry-after:")) {
            last = withOutcome(last, last.outcome(), "服务器限流（" + last.status() + "），重试 " + last.attempts() + " 次后放弃");
        }
        return last;
    }

    /** A deadline hit is not retried: a server that drips once drips again. */
    private static boolean retryable(FetchResult r) {
        return r.outcome() == FetchOutcome.TIMEOUT || r.status() == 429 || (r.status() >= 500 && r.status() <= 599)
                || (r.outcome() == FetchOutcome.NETWORK_ERROR && r.status() == 0);
    }

    /** Backoff before the next attempt; null when the server asks for a wait longer than allowed. */
    private Duration backoff(int attempt, FetchResult r) {
        long factor = 1L << Math.min(attempt - 1, 16);
        Duration exp = config.baseBackoff().multipliedBy(factor);
        if (exp.compareTo(config.maxBackoff()) > 0) {
            exp = config.maxBackoff();
        }
        Duration retryAfter = r.message() != null && r.message().startsWith("retry-after:")
                ? Duration.ofMillis(Long.parseLong(r.message().substring("retry-after:".length()))) : null;
        if (retryAfter != null) {
            if (retryAfter.compareTo(config.maxRetryAfter()) > 0) {
                return null;
            }
            return retryAfter.compareTo(exp) > 0 ? retryAfter : exp;
        }
        return exp;
    }

    private FetchResult fetchFollowingRedirects(FetchRequest request, Duration delay, int attempt, Instant start)
            throws InterruptedException {
        URI current = request.url();
        Set<String> seen = new HashSet<>();
        long budget = config.fetchDeadline().toNanos(); // network time left in this attempt (politeness waits excluded)
        for (int hop = 0; hop <= config.maxRedirects(); hop++) {
            // a source allowed on a private network may use it on its own host only, never via a redirect or link elsewhere
            OutboundGuard.Target target;
            try {
                target = guard.check(current, request.privateAllowedFor(current));
            } catch (OutboundGuard.Refused r) {
                return failure(request, current, FetchOutcome.BLOCKED_PRIVATE_ADDRESS, 0, attempt, start, r.getMessage());
            } catch (UnknownHostException e) {
                return failure(request, current, FetchOutcome.NETWORK_ERROR, 0, attempt, start, "无法解析主机名：" + current.getHost());
            }
            if (!seen.add(current.toString())) {
                return failure(request, current, FetchOutcome.TOO_MANY_REDIRECTS, 0, attempt, start, "重定向循环：" + current);
            }
            Host host = hosts.computeIfAbsent(hostKey(current), k -> new Host());
            host.lock.lockInterruptibly();
            try {
                Instant now = clock.instant();
                if (now.isBefore(host.nextAllowed)) {
                    sleeper.sleep(Duration.between(now, host.nextAllowed));
                }
                long began = System.nanoTime();
                try (PinnedHttp.Response conn = PinnedHttp.exchange(new PinnedHttp.Request("GET", target,
                        headers(request, hop == 0), null, config.connectTimeout(), config.readTimeout(),
                        Duration.ofNanos(Math.max(1, budget))))) {
                    int status = conn.status();
                    if (status >= 300 && status < 400 && status != 304) {
                        String location = conn.header("Location");
                        if (location == null) {
                            return failure(request, current, FetchOutcome.HTTP_ERROR, status, attempt, start, "重定向缺少 Location");
                        }
                        try {
                            current = current.resolve(new URI(location.trim().replace(" ", "%20")));
                        } catch (URISyntaxException e) {
                            return failure(request, current, FetchOutcome.INVALID_URL, status, attempt, start, "无效的重定向地址：" + location);
                        }
                        continue;
                    }
                    return respond(request, current, conn, status, attempt, start);
                } catch (PinnedHttp.DeadlineExceeded e) {
                    return failure(request, current, FetchOutcome.DEADLINE_EXCEEDED, 0, attempt, start,
                            "超过单次抓取总时限 " + config.fetchDeadline().toSeconds() + " 秒（服务器响应过慢）：" + current);
                } catch (SocketTimeoutException e) {
                    return failure(request, current, FetchOutcome.TIMEOUT, 0, attempt, start, "连接或读取超时：" + current);
                } catch (Stop s) {
                    return failure(request, current, s.outcome, s.status, attempt, start, s.getMessage());
                } catch (IOException e) {
                    return failure(request, current, FetchOutcome.NETWORK_ERROR, 0, attempt, start, "网络错误：" + e.getMessage());
                } finally {
                    budget -= System.nanoTime() - began;
                }
            } finally {
                host.nextAllowed = clock.instant().plus(delay);
                host.lock.unlock();
            }
        }
        return failure(request, current, FetchOutcome.TOO_MANY_REDIRECTS, 0, attempt, start,
                "重定向次数超过 " + config.maxRedirects() + " 次");
    }

    private Map<String, String> headers(FetchRequest request, boolean conditional) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("User-Agent", config.userAgent());
        h.put("Accept-Encoding", "gzip, deflate, br");
        h.put("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,application/json;q=0.8,*/*;q=0.7");
        h.put("Accept-Language", "zh-CN,zh;q=0.9");
        if (conditional && request.etag() != null) {
            h.put("If-None-Match", request.etag());
        }
        if (conditional && request.lastModified() != null) {
            h.put("If-Modified-Since", request.lastModified());
        }
        h.putAll(request.headers());
        return h;
    }

    private FetchResult respond(FetchRequest request, URI url, PinnedHttp.Response conn, int status, int attempt, Instant start)
            throws IOException, Stop {
        String etag = conn.header("ETag");
        String lastModified = conn.header("Last-Modified");
        String contentType = conn.header("Content-Type");
        if (status == 304) {
            return new FetchResult(request.url(), url, FetchOutcome.NOT_MODIFIED, status, new byte[0], contentType,
                    etag != null ? etag : request.etag(), lastModified != null ? lastModified : request.lastModified(),
                    attempt, clock.instant(), Duration.between(start, clock.instant()), null);
        }
        if (status == 429 || status >= 500) {
            Duration ra = parseRetryAfter(conn.header("Retry-After"));
            String msg = ra != null ? "retry-after:" + ra.toMillis() : "服务器返回 " + status;
            return new FetchResult(request.url(), url, status == 429 ? FetchOutcome.RATE_LIMITED : FetchOutcome.HTTP_ERROR,
                    status, null, contentType, null, null, attempt, clock.instant(), Duration.between(start, clock.instant()), msg);
        }
        if (status == 404 || status == 410) {
            return failure(request, url, FetchOutcome.GONE, status, attempt, start, "页面已不存在（" + status + "）");
        }
        if (status >= 400) {
            return failure(request, url, FetchOutcome.HTTP_ERROR, status, attempt, start, "服务器返回 " + status);
        }
        long declared = conn.contentLength();
        if (declared > config.maxBodyBytes()) {
            throw new Stop(FetchOutcome.TOO_LARGE, status, "内容长度 " + declared + " 超过上限 " + config.maxBodyBytes());
        }
        byte[] body;
        try (InputStream raw = new LimitedInputStream(conn.body(), config.maxBodyBytes(), "响应体超过上限 " + config.maxBodyBytes() + " 字节");
             InputStream decoded = decode(raw, conn.header("Content-Encoding"))) {
            body = readLimited(decoded, config.maxDecompressedBytes());
        } catch (LimitExceeded e) {
            throw new Stop(FetchOutcome.TOO_LARGE, status, e.getMessage());
        }
        return new FetchResult(request.url(), url, FetchOutcome.OK, status, body, contentType, etag, lastModified,
                attempt, clock.instant(), Duration.between(start, clock.instant()), null);
    }

    private static InputStream decode(InputStream raw, String encoding) throws IOException {
        if (encoding == null) {
            return raw;
        }
        String e = encoding.trim().toLowerCase(Locale.ROOT);
        switch (e) {
            case "gzip": case "x-gzip":
                return new GZIPInputStream(raw, 8192);
            case "deflate": {
                PushbackInputStream p = new PushbackInputStream(raw, 1);
                int first = p.read();
                if (first < 0) {
                    return p;
                }
                p.unread(first);
                boolean zlib = (first & 0x0f) == 8; // zlib header (CM = 8) versus raw deflate
                return new InflaterInputStream(p, new Inflater(!zlib), 8192);
            }
            case "br":
                return new BrotliInputStream(raw);
            default:
                return raw;
        }
    }

    private byte[] readLimited(InputStream in, long limit) throws IOException, LimitExceeded {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[16384];
        long total = 0;
        int n;
        try {
            while ((n = in.read(buf)) > 0) {
                total += n;
                if (total > limit) {
                    throw new LimitExceeded("解压后内容超过上限 " + limit + " 字节");
                }
                out.write(buf, 0, n);
            }
        } catch (UncheckedLimit u) {
            throw u.cause;
        }
        return out.toByteArray();
    }

    Duration parseRetryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(v)));
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(clock.instant(), at.toInstant());
                return d.isNegative() ? Duration.ZERO : d;
            } catch (RuntimeException ignored) {
                return null;
            }
        }
    }

    private FetchResult failure(FetchRequest req, URI url, FetchOutcome outcome, int status, int attempts, Instant start, String msg) {
        return new FetchResult(req.url(), url, outcome, status, null, null, null, null, attempts, clock.instant(),
                Duration.between(start, clock.instant()), msg);
    }

    private static FetchResult withOutcome(FetchResult r, FetchOutcome o, String msg) {
        return new FetchResult(r.requestedUrl(), r.finalUrl(), o, r.status(), r.body(), r.contentType(), r.etag(),
                r.lastModified(), r.attempts(), r.fetchedAt(), r.elapsed(), msg);
    }

    static String hostKey(URI u) {
        return (u.getScheme() + "://" + u.getHost() + ":" + u.getPort()).toLowerCase(Locale.ROOT);
    }

    static final class LimitExceeded extends Exception {
        LimitExceeded(String m) {
            super(m, null, false, false);
        }
    }

    private static final class UncheckedLimit extends IOException {
        final LimitExceeded cause;

        UncheckedLimit(LimitExceeded c) {
            super(c.getMessage());
            this.cause = c;
        }
    }

    /** Counts wire bytes and aborts past the limit (the body is streamed, never buffered beyond it). */
    private static final class LimitedInputStream extends FilterInputStream {
        private final long limit;
        private final String message;
        private long count;

        LimitedInputStream(InputStream in, long limit, String message) {
            super(in);
            this.limit = limit;
            this.message = message;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && ++count > limit) {
                throw new UncheckedLimit(new LimitExceeded(message));
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
                if (count > limit) {
                    throw new UncheckedLimit(new LimitExceeded(message));
                }
            }
            return n;
        }
    }
}
