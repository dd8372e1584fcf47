package cn.tingfeng.crawl.extract;

import java.time.LocalDate;
import java.time.temporal.Temporal;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Title, publication time and author declared by meta tags, JSON-LD and {@code <time>}. */
record Metadata(String title, Temporal published, String author) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] DATE_META = {
        "article:published_time", "og:article:published_time", "og:release_date", "pubdate", "publishdate",
        "publish_date", "publishtime", "PubDate", "pubtime", "datePublished", "dc.date.issued", "dc.date",
        "DC.date", "sailthru.date", "weibo:article:create_at", "apub:time", "firstpublishedtime", "Maketime",
        "release_date", "article_date_original", "originalPublicationDate"};
    private static final String[] AUTHOR_META = {"article:author", "author", "Author", "dc.creator", "ContentSource", "source", "og:article:author"};

    private static final java.util.regex.Pattern SCRIPT_DATE = java.util.regex.Pattern.compile(
            "[\"']?(datePublished|pubDate|pubdate|pubtime|pubTime|publish_time|publishTime|publishDate|pub_time|ptime)[\"']?\\s*[:=]\\s*[\"']([^\"']{8,40})[\"']");

    static Metadata read(Document doc, LocalDate latest) {
        String title = firstMeta(doc, "og:title", "twitter:title", "ArticleTitle", "headline");
        Temporal published = null;
        for (String name : DATE_META) {
            String v = meta(doc, name);
            published = DateFinder.parseValue(v, latest);
            if (published != null) {
                break;
            }
        }
        String author = null;
        for (String name : AUTHOR_META) {
            String v = meta(doc, name);
            if (v != null && !v.isBlank() && v.length() <= 40 && !v.startsWith("http")) {
                author = v.strip();
                break;
            }
        }
        for (Element script : doc.select("script[type=application/ld+json]")) {
            try {
                JsonNode n = JSON.readTree(script.data());
                if (n.isArray() && n.size() > 0) {
                    n = n.get(0);
                }
                if (n.has("@graph") && n.get("@graph").isArray() && n.get("@graph").size() > 0) {
                    n = n.get("@graph").get(0);
                }
                if (published == null && n.hasNonNull("datePublished")) {
                    published = DateFinder.parseValue(n.get("datePublished").asText(), latest);
                }
                if (title == null && n.hasNonNull("headline")) {
                    title = n.get("headline").asText();
                }
                if (author == null && n.has("author")) {
                    JsonNode a = n.get("author");
                    if (a.isArray() && a.size() > 0) {
                        a = a.get(0);
                    }
                    String name = a.isTextual() ? a.asText() : a.path("name").asText(null);
                    if (name != null && !name.isBlank()) {
                        author = name.strip();
                    }
                }
            } catch (Exception ignored) {
                // hostile or broken JSON-LD: ignore
            }
        }
        if (published == null) {
            for (Element script : doc.getElementsByTag("script")) {
                java.util.regex.Matcher m = SCRIPT_DATE.matcher(script.data());
                if (m.find()) {
                    published = DateFinder.parseValue(m.group(2), latest);
                    if (published != null) {
                        break;
                    }
                }
            }
        }
        if (published == null) {
            for (Element time : doc.select("time[datetime], time[pubdate]")) {
                published = DateFinder.parseValue(time.hasAttr("datetime") ? time.attr("datetime") : time.text(), latest);
                if (published != null) {
                    break;
                }
            }
        }
        if (published == null) {
            Element ip = doc.selectFirst("[itemprop=datePublished]");
            if (ip != null) {
                published = DateFinder.parseValue(ip.hasAttr("content") ? ip.attr("content") : ip.text(), latest);
            }
        }
        return new Metadata(title == null || title.isBlank() ? null : title.strip(), published, author);
    }

    private static String firstMeta(Document doc, String... names) {
        for (String n : names) {
            String v = meta(doc, n);
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    static String meta(Document doc, String name) {
        for (Element m : doc.getElementsByTag("meta")) {
            String key = m.hasAttr("property") ? m.attr("property") : m.hasAttr("name") ? m.attr("name") : m.attr("itemprop");
            if (key.equalsIgnoreCase(name)) {
                String c = m.attr("content");
                if (!c.isBlank()) {
                    return c;
                }
            }
        }
        return null;
    }
}
