package cn.tingfeng.crawl.parse;

import java.net.URL;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import crawlercommons.sitemaps.extension.Extension;
import crawlercommons.sitemaps.extension.ExtensionMetadata;
import crawlercommons.sitemaps.extension.NewsAttributes;

/** Sitemaps, sitemap indexes and Google news sitemaps (crawler-commons, strict about same-site URLs). */
public final class SitemapReader {

    /** URLs of a sitemap, or the child sitemaps of an index. */
    public record Sitemap(List<ParsedItem> urls, List<String> childSitemaps, List<String> skipped) {
    }

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private SitemapReader() {
    }

    public static Sitemap parse(byte[] body, String contentType, String url) throws ParseException {
        SiteMapParser parser = new SiteMapParser(true);
        parser.enableExtension(Extension.NEWS);
        AbstractSiteMap sm;
        try {
            sm = parser.parseSiteMap(contentType == null ? "text/xml" : contentType, body, new URL(url));
        } catch (UnknownFormatException | java.io.IOException e) {
            throw new ParseException("站点地图无法解析：" + e.getMessage(), e);
        }
        if (sm.isIndex()) {
            List<String> children = new ArrayList<>();
            List<String> skipped = new ArrayList<>();
            for (AbstractSiteMap child : ((SiteMapIndex) sm).getSitemaps()) {
                String u = HttpUrls.absolute(child.getUrl().toString(), null);
                if (u == null) {
                    skipped.add(HttpUrls.reason(child.getUrl().toString()));
                } else {
                    children.add(u);
                }
            }
            return new Sitemap(List.of(), children, skipped);
        }
        List<ParsedItem> items = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Collection<SiteMapURL> urls = ((SiteMap) sm).getSiteMapUrls();
        for (SiteMapURL u : urls) {
            String loc = HttpUrls.absolute(u.getUrl().toString(), null);
            if (loc == null) {
                skipped.add(HttpUrls.reason(u.getUrl().toString()));
                continue;
            }
            String title = null;
            LocalDateTime published = u.getLastModified() == null ? null
                    : LocalDateTime.ofInstant(u.getLastModified().toInstant(), CHINA);
            ExtensionMetadata[] news = u.getAttributesForExtension(Extension.NEWS);
            if (news != null && news.length > 0 && news[0] instanceof NewsAttributes n) {
                title = n.getTitle();
                if (n.getPublicationDateTime() != null) {
                    published = LocalDateTime.ofInstant(n.getPublicationDateTime().toInstant(), CHINA);
                }
            }
            items.add(ParsedItem.link(loc, title, published));
        }
        return new Sitemap(items, List.of(), skipped);
    }
}
