package cn.tingfeng.crawl.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Every parser takes only absolute http(s) links (relative ones resolved where the format means it), like the import parser. */
class LinkRuleTest {
    static final LocalDate LATEST = LocalDate.of(2026, 3, 2);

    @Test
    void httpUrlsResolvesRelativeLinksOnlyAgainstAPageAndRefusesOtherSchemes() {
        assertThat(HttpUrls.absolute("/a/1.html", "https://www.lyg.gov.cn/list/")).isEqualTo("https://www.lyg.gov.cn/a/1.html");
        assertThat(HttpUrls.absolute("/a/1.html", null)).isNull();
        assertThat(HttpUrls.absolute("12345", null)).as("a JSON number is no link").isNull();
        assertThat(HttpUrls.absolute(" https://x.example/a ", null)).isEqualTo("https://x.example/a");
        for (String bad : new String[] {"javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,x", "mailto:a@b.cn",
                "ftp://x.example/", "file:///etc/passwd", "http://", "http://u:p@x.example/", "http://x.example/\u0000"}) {
            assertThat(HttpUrls.absolute(bad, "https://www.lyg.gov.cn/")).as(bad).isNull();
        }
    }

    @Test
    void feedEntriesWithScriptLinksAreSkippedAndRelativeOnesResolved() throws ParseException {
        String feed = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>t</title>"
                + "<item><title>a</title><link>javascript:alert(1)</link></item>"
                + "<item><title>b</title><link>/art/2.html</link></item></channel></rss>";
        FeedParser.Feed f = FeedParser.parse(feed.getBytes(StandardCharsets.UTF_8), "application/rss+xml", "https://news.example/rss.xml");
        assertThat(f.items()).extracting(ParsedItem::url).containsExactly("https://news.example/art/2.html");
        assertThat(f.skipped()).singleElement().satisfies(r -> assertThat(r).contains("javascript:alert(1)"));
    }

    @Test
    void htmlListSkipsScriptLinksAndAScriptNextPage() {
        HtmlListParser.ListPage p = HtmlListParser.parse("<ul><li><a href='javascript:alert(1)'>x</a></li><li><a href='/ok'>ok</a></li></ul>"
                + "<a class=next href='javascript:next()'>下一页</a>", "https://gov.example/list", "li", null, null, null, "a.next", LATEST);
        assertThat(p.items()).extracting(ParsedItem::url).containsExactly("https://gov.example/ok");
        assertThat(p.nextPage()).isNull();
        assertThat(p.skipped()).hasSize(2);
    }

    @Test
    void jsonUrlsMustBeAbsoluteHttpStrings() throws ParseException {
        JsonApiParser.JsonPage p = JsonApiParser.parse("{\"items\":[{\"u\":12345},{\"u\":\"javascript:alert(1)\"},{\"u\":\"/x\"},"
                + "{\"u\":\"https://weibo.example/1\"}]}", "/items", Map.of("url", "/u"), null, null, LATEST);
        assertThat(p.items()).extracting(ParsedItem::url).containsExactly("https://weibo.example/1");
        assertThat(p.skipped()).hasSize(3);
    }

    @Test
    void jsonIdsAreTokensOnly() throws ParseException {
        JsonApiParser.JsonPage p = JsonApiParser.parse("{\"items\":[{\"id\":\"abc-1\"},{\"id\":\"<script>\"}]}", "/items",
                Map.of("id", "/id"), null, null, LATEST);
        assertThat(p.items()).extracting(ParsedItem::url).containsExactly("urn:tingfeng:item:abc-1");
        assertThat(p.skipped()).hasSize(1);
    }
}
