package cn.tingfeng.crawl.fetch;

import java.time.Duration;

/**
 * Settings of the fetcher. {@link #defaults()} gives the shipped values (2 s per-host delay, 10 MB body).
 *
 * @param maxBodyBytes         limit on the bytes read from the wire
 * @param maxDecompressedBytes limit on the bytes after gzip/deflate/brotli decoding (a bomb stops here)
 * @param maxRetryAfter        a Retry-After longer than this is not waited for: the fetch fails instead
 * @param fetchDeadline        total network time of one attempt (connect, TLS, headers and body of every redirect
 *                             hop), besides the per-read timeout: a server that drips one byte at a time ends here
 *                             with {@link FetchOutcome#DEADLINE_EXCEEDED}, and that is not retried
 */
public record FetcherConfig(String userAgent, String robotsAgentName, Duration connectTimeout, Duration readTimeout,
                            long maxBodyBytes, long maxDecompressedBytes, int maxRedirects, int maxAttempts,
                            Duration baseBackoff, Duration maxBackoff, Duration maxRetryAfter, Duration defaultDelay,
                            Duration maxCrawlDelay, Duration robotsTtl, Duration fetchDeadline) {

    public static FetcherConfig defaults() {
        return new FetcherConfig("TingfengBot/0.1 (+government public-opinion monitoring)", "tingfengbot",
                Duration.ofSeconds(10), Duration.ofSeconds(30), 10L * 1024 * 1024, 20L * 1024 * 1024, 5, 3,
                Duration.ofSeconds(2), Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofSeconds(2),
                Duration.ofSeconds(60), Duration.ofHours(24), Duration.ofSeconds(60));
    }

    public FetcherConfig withDefaultDelay(Duration d) {
        return new FetcherConfig(userAgent, robotsAgentName, connectTimeout, readTimeout, maxBodyBytes, maxDecompressedBytes,
                maxRedirects, maxAttempts, baseBackoff, maxBackoff, maxRetryAfter, d, maxCrawlDelay, robotsTtl, fetchDeadline);
    }

    public FetcherConfig withTimeouts(Duration connect, Duration read) {
        return new FetcherConfig(userAgent, robotsAgentName, connect, read, maxBodyBytes, maxDecompressedBytes,
                maxRedirects, maxAttempts, baseBackoff, maxBackoff, maxRetryAfter, defaultDelay, maxCrawlDelay, robotsTtl, fetchDeadline);
    }

    public FetcherConfig withDeadline(Duration d) {
        return new FetcherConfig(userAgent, robotsAgentName, connectTimeout, readTimeout, maxBodyBytes, maxDecompressedBytes,
                maxRedirects, maxAttempts, baseBackoff, maxBackoff, maxRetryAfter, defaultDelay, maxCrawlDelay, robotsTtl, d);
    }

    public FetcherConfig withLimits(long body, long decompressed) {
        return new FetcherConfig(userAgent, robotsAgentName, connectTimeout, readTimeout, body, decompressed,
                maxRedirects, maxAttempts, baseBackoff, maxBackoff, maxRetryAfter, defaultDelay, maxCrawlDelay, robotsTtl, fetchDeadline);
    }
}
