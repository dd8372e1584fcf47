package cn.tingfeng.crawl;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

/** Crawler settings, prefix {@code tingfeng.crawlers}. */
@ConfigMapping(prefix = "tingfeng.crawlers")
public interface CrawlerConfig {
    /** The folder of source definitions (env TINGFENG_CRAWLERS_DIR). */
    @WithDefault("crawlers")
    Path dir();

    /** The live schedule: one Quartz job per enabled source. Off in dev, test and demo (no internet there). */
    @WithDefault("true")
    boolean enabled();

    /** Root of import drop folders written relative in a definition; default {@code <data-dir>/import}. */
    Optional<Path> importDir();

    /** How often the folder is checked for changed files ({@code off} to rely on the admin reload only). */
    @WithDefault("10s")
    String watchInterval();

    @WithDefault("TingfengBot/0.1 (+government public-opinion monitoring)")
    String userAgent();

    /** The name matched against robots.txt user-agent lines. */
    @WithDefault("tingfengbot")
    String robotsAgent();

    /** Delay between two requests to one host, unless the source or robots.txt Crawl-delay asks for more. */
    @WithDefault("2s")
    Duration defaultDelay();

    @WithDefault("10s")
    Duration connectTimeout();

    @WithDefault("30s")
    Duration readTimeout();

    /**
     * Total network time of one fetch attempt (connect, TLS, headers, body, redirects), besides the read timeout: a
     * server that sends a byte every few seconds is cut off here (outcome DEADLINE_EXCEEDED, not retried).
     */
    @WithDefault("60s")
    Duration fetchDeadline();

    /** Largest response body read from the wire, in bytes. */
    @WithDefault("10485760")
    long maxBodyBytes();

    /** Largest body after gzip/deflate/brotli decoding, in bytes (a decompression bomb stops here). */
    @WithDefault("20971520")
    long maxDecodedBytes();

    @WithDefault("3")
    int maxAttempts();

    /** First retry waits this long, doubling each time (Retry-After wins when longer). */
    @WithDefault("2s")
    Duration retryBackoff();

    /** Items (articles, API rows, import rows) taken in one run of one source. */
    @WithDefault("200")
    int maxItemsPerRun();

    /** A source whose runs failed this many times in a row is flagged as failing. */
    @WithDefault("3")
    int failingAfter();

    /** Zone of the local times pages give (publication times without an offset). */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /** Largest page accepted by POST /api/extract, in bytes. */
    @WithDefault("5242880")
    int extractMaxBytes();
}
