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

    public static List<ParsedItem> parse(byte[] body, String contentType) throws ParseException {
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
        for (SyndEntry e : feed.getEntries()) {
            String link = e.getLink();
            if ((link == null || link.isBlank()) && e.getUri() != null && e.getUri().startsWith("http")) {
                link = e.getUri();
            }
            if (link == null || link.isBlank()) {
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
            out.add(new ParsedItem(link.strip(), e.getTitle() == null ? null : e.getTitle().strip(), published, author,
                    summary, null, java.util.Map.of()));
        }
        return out;
    }
}
