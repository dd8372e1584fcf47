package cn.tingfeng.crawl.parse;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import cn.tingfeng.crawl.extract.DateFinder;

/** A list page read with CSS selectors: the items, their links, titles and dates, and the next page. */
public final class HtmlListParser {

    /** The items of one list page and the next page's URL (absolute) or null. */
    public record ListPage(List<ParsedItem> items, String nextPage, List<String> skipped) {
    }

    private HtmlListParser() {
    }

    /**
     * @param itemSelector  each entry of the list
     * @param linkSelector  the article link inside an entry (default {@code a[href]})
     * @param titleSelector the title inside an entry (default: the link text)
     * @param dateSelector  the date inside an entry (default: any date in the entry's text)
     * @param nextSelector  the pagination link, or null
     */
    public static ListPage parse(String html, String baseUrl, String itemSelector, String linkSelector,
                                 String titleSelector, String dateSelector, String nextSelector, LocalDate latest) {
        Document doc = Jsoup.parse(html, baseUrl);
        List<ParsedItem> items = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        List<String> skipped = new ArrayList<>();
        for (Element item : doc.select(itemSelector)) {
            Element a = item.selectFirst(linkSelector == null ? "a[href]" : linkSelector);
            if (a == null) {
                continue;
            }
            String href = a.attr("href");
            String url = HttpUrls.absolute(a.absUrl("href").isEmpty() ? href : a.absUrl("href"), baseUrl);
            if (url == null) {
                if (!href.isBlank() && !href.strip().startsWith("#")) {
                    skipped.add(HttpUrls.reason(href));
                }
                continue;
            }
            if (!seen.add(url)) {
                continue;
            }
            String title = a.hasAttr("title") && !a.attr("title").isBlank() ? a.attr("title") : a.text();
            if (titleSelector != null) {
                Element t = item.selectFirst(titleSelector);
                if (t != null) {
                    title = t.text();
                }
            }
            String dateText = item.text();
            if (dateSelector != null) {
                Element d = item.selectFirst(dateSelector);
                if (d != null) {
                    dateText = d.text();
                }
            }
            List<DateFinder.Found> dates = DateFinder.findAll(dateText, latest);
            items.add(ParsedItem.link(url, title.strip(), dates.isEmpty() ? null : dates.get(0).value()));
        }
        String next = null;
        if (nextSelector != null) {
            Element n = doc.selectFirst(nextSelector);
            String href = n == null ? null
                    : HttpUrls.absolute(n.absUrl("href").isEmpty() ? n.attr("href") : n.absUrl("href"), baseUrl);
            if (n != null && href == null && !n.attr("href").isBlank()) {
                skipped.add(HttpUrls.reason(n.attr("href")));
            }
            if (href != null && !href.equals(baseUrl)) {
                next = href;
            }
        }
        return new ListPage(items, next, skipped);
    }
}
