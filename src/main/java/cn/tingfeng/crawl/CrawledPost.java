package cn.tingfeng.crawl;

import java.time.Instant;
import java.time.temporal.Temporal;
import java.util.Map;

/**
 * A page (or API/import item) collected from a source, ready to store as a post version.
 *
 * @param url         canonical URL (the post's key)
 * @param publishedAt LocalDateTime, LocalDate or null
 * @param contentHash {@link ContentHash} of title and body: a new hash for a known URL is a new version
 * @param etag        validators for the next conditional GET (null when none)
 */
public record CrawledPost(String sourceId, String url, String fetchedUrl, String title, Temporal publishedAt,
                          String author, String body, String platform, Map<String, Long> engagement,
                          String contentHash, String etag, String lastModified, Instant fetchedAt) {

    public CrawledPost {
        engagement = engagement == null ? Map.of() : Map.copyOf(engagement);
    }
}
