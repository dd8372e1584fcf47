package cn.tingfeng.crawl;

import cn.tingfeng.crawl.extract.ArticleExtractor;
import cn.tingfeng.crawl.fetch.Fetcher;
import cn.tingfeng.crawl.fetch.FetcherConfig;
import cn.tingfeng.crawl.fetch.Sleeper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;

/** The pure crawling classes as beans, configured from {@link CrawlerConfig}. */
@ApplicationScoped
public class CrawlBeans {

    /**
     * One fetcher for the whole application, so that per-host politeness holds across sources. Politeness is
     * measured in wall-clock time (the system clock), never in the application clock tests move.
     */
    @Produces
    @ApplicationScoped
    Fetcher fetcher(CrawlerConfig c) {
        FetcherConfig d = FetcherConfig.defaults();
        FetcherConfig fc = new FetcherConfig(c.userAgent(), c.robotsAgent(), c.connectTimeout(), c.readTimeout(),
                c.maxBodyBytes(), c.maxDecodedBytes(), d.maxRedirects(), c.maxAttempts(), c.retryBackoff(),
                max(d.maxBackoff(), c.retryBackoff()), d.maxRetryAfter(), c.defaultDelay(), d.maxCrawlDelay(), d.robotsTtl(),
                c.fetchDeadline());
        return new Fetcher(fc, Clock.systemUTC(), Sleeper.REAL);
    }

    @Produces
    @ApplicationScoped
    ArticleExtractor extractor(Clock clock) {
        return new ArticleExtractor(clock);  // the clock only bounds dates to "not after tomorrow"
    }

    @Produces
    @ApplicationScoped
    SourceCrawler crawler(Fetcher fetcher, ArticleExtractor extractor, Clock clock, CrawlerConfig c) {
        return new SourceCrawler(fetcher, extractor, clock, System::getenv, c.maxItemsPerRun());
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
