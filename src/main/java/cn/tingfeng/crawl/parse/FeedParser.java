package cn.tingfeng.crawl.parse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.jsoup.Jsoup;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;

/** RSS 0.9x/1.0/2.0 and Atom via Rome; the XML encoding (GB2312/GBK/GB18030 included) comes from the prolog or header. */
public final class FeedParser {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private FeedParser() {
    }

    /** The entries with an http(s) link, and the links skipped (reasons). */
    public record Feed(List<ParsedItem> items, List<String> skipped) {
    }

    /** Without a feed URL: only absolute links are taken. */
    public static List<ParsedItem> parse(byte[] body, String contentType) throws ParseException {
        return parse(body, contentType, null).items();
    }

    /** @param feedUrl the feed's URL; relative entry links (Atom {@code xml:base} semantics) are resolved against it */
    public static Feed parse(byte[] body, String contentType, String feedUrl) throws ParseException {
        SyndFeed feed;
        try (XmlReader reader = contentType == null ? new XmlReader(new ByteArrayInputStream(body))
                : new XmlReader(new ByteArrayInputStream(body), contentType, true)) {
            SyndFeedInput in = new SyndFeedInput();
            in.setAllowDoctypes(false); // no DTDs, no external entities
            feed = in.build(reader);
        } catch (IOException | FeedException | IllegalArgumentException e) {
            throw new ParseException("订阅源无法解析：" + e.getMessage(), e);
        }
        List<ParsedItem> out = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (SyndEntry e : feed.getEntries()) {
            String link = e.getLink();
            if ((link == null || link.isBlank()) && e.getUri() != null && e.getUri().startsWith("http")) {
                link = e.getUri();
            }
            if (link == null || link.isBlank()) {
                continue;
            }
            String absolute = HttpUrls.absolute(link, feedUrl);
            if (absolute == null) {
                skipped.add(HttpUrls.reason(link));
                continue;
            }
            Date d = e.getPublishedDate() != null ? e.getPublishedDate() : e.getUpdatedDate();
            LocalDateTime published = d == null ? null : LocalDateTime.ofInstant(d.toInstant(), CHINA);
            String summary = null;
            if (!e.getContents().isEmpty() && e.getContents().get(0).getValue() != null) {
                summary = Jsoup.parse(e.getContents().get(0).getValue()).text();
            } else if (e.getDescription() != null && e.getDescription().getValue() != null) {
                summary = Jsoup.parse(e.getDescription().getValue()).text();
            }
            String author = e.getAuthor() == null || e.getAuthor().isBlank() ? null : e.getAuthor().strip();
            out.add(new ParsedItem(absolute, e.getTitle() == null ? null : e.getTitle().strip(), published, author,
                    summary, null, java.util.Map.of()));
        }
        return new Feed(out, skipped);
    }
}
