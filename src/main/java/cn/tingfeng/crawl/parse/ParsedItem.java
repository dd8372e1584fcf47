package cn.tingfeng.crawl.parse;

import java.time.temporal.Temporal;
import java.util.Map;

/**
 * An entry found by a list-level parser (feed entry, list-page item, sitemap URL, API item, import row).
 * {@code body} is present when the source gives the full text (API, import, some feeds); otherwise the
 * article page is fetched and extracted.
 *
 * @param publishedAt LocalDateTime, LocalDate or null
 * @param engagement  counts the source gives (likes, comments, shares), possibly empty
 */
public record ParsedItem(String url, String title, Temporal publishedAt, String author, String body, String platform,
                         Map<String, Long> engagement) {

    public ParsedItem {
        engagement = engagement == null ? Map.of() : Map.copyOf(engagement);
    }

    public static ParsedItem link(String url, String title, Temporal publishedAt) {
        return new ParsedItem(url, title, publishedAt, null, null, null, Map.of());
    }
}
