package cn.tingfeng.crawl;

import cn.tingfeng.post.ContentHash;
import cn.tingfeng.post.UrlCanonicalizer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import cn.tingfeng.crawl.CrawlRun.CrawlError;
import cn.tingfeng.crawl.extract.ArticleExtractor;
import cn.tingfeng.crawl.extract.DateFinder;
import cn.tingfeng.crawl.extract.ExtractedArticle;
import cn.tingfeng.crawl.fetch.FetchOutcome;
import cn.tingfeng.crawl.fetch.FetchRequest;
import cn.tingfeng.crawl.fetch.FetchResult;
import cn.tingfeng.crawl.fetch.Fetcher;
import cn.tingfeng.crawl.parse.FeedParser;
import cn.tingfeng.crawl.parse.HtmlListParser;
import cn.tingfeng.crawl.parse.HttpUrls;
import cn.tingfeng.crawl.parse.ImportFileParser;
import cn.tingfeng.crawl.parse.JsonApiParser;
import cn.tingfeng.crawl.parse.ParseException;
import cn.tingfeng.crawl.parse.ParsedItem;
import cn.tingfeng.crawl.parse.SitemapReader;
import cn.tingfeng.source.SourceDefinition;
import cn.tingfeng.source.SourceDefinition.ArticleSelectors;

/**
 * Runs one source once: list level (feed, list pages, sitemap, API pages, import files), then each new or
 * changed article page (conditional GET with the validators the caller knows), extraction, canonical URL and
 * content hash. Pure apart from the network and the import folder: the caller stores the result.
 */
public final class SourceCrawler {

    /** Validators the store holds for a canonical URL; {@link #NONE} when it knows nothing. */
    public interface Known {
        Known NONE = url -> null;

        /** {etag, lastModified} for the canonical URL, or null. */
        String[] validators(String canonicalUrl);

        /** Whether an import file (by SHA-256) was imported before. */
        default boolean imported(String fileHash) {
            return false;
        }
    }

    private final Fetcher fetcher;
    private final ArticleExtractor extractor;
    private final Clock clock;
    private final Function<String, String> environment;
    private final int maxItemsPerRun;

    public SourceCrawler(Fetcher fetcher, ArticleExtractor extractor, Clock clock, Function<String, String> environment,
                         int maxItemsPerRun) {
        this.fetcher = fetcher;
        this.extractor = extractor;
        this.clock = clock;
        this.environment = environment;
        this.maxItemsPerRun = maxItemsPerRun;
    }

    public CrawlRun run(SourceDefinition source, Known known) {
        Run r = new Run(source, known);
        try {
            switch (source.type()) {
                case RSS -> r.rss();
                case HTML -> r.html();
                case SITEMAP -> r.sitemap();
                case JSON -> r.json();
                case IMPORT -> r.importFolder();
                default -> throw new IllegalStateException();
            }
        } catch (RuntimeException e) {
            r.errors.add(new CrawlError(String.valueOf(source.url()), "INTERNAL", "抓取异常：" + e));
        }
        return new CrawlRun(source.id(), r.started, clock.instant(), r.itemsSeen, r.posts, r.notModified, r.gone,
                r.errors, r.imports, r.importedHashes);
    }

    private final class Run {
        final SourceDefinition source;
        final Known known;
        final Instant started = clock.instant();
        final List<CrawledPost> posts = new ArrayList<>();
        final List<String> notModified = new ArrayList<>();
        final List<String> gone = new ArrayList<>();
        final List<CrawlError> errors = new ArrayList<>();
        final List<ImportFileParser.ImportReport> imports = new ArrayList<>();
        final List<String> importedHashes = new ArrayList<>();
        int itemsSeen;
        final LocalDate latest = LocalDate.now(clock).plusDays(1);

        Run(SourceDefinition source, Known known) {
            this.source = source;
            this.known = known;
        }

        FetchRequest request(URI url, boolean conditional) {
            String[] v = conditional ? known.validators(UrlCanonicalizer.canonicalize(url.toString())) : null;
            return new FetchRequest(url, v == null ? null : v[0], v == null ? null : v[1], source.politeness().delay(),
                    source.politeness().robotsOverrideReason(), privateHost(), authHeaders());
        }

        /** allowPrivateNetwork exempts the source's own host and port only: links and redirects elsewhere are guarded. */
        String privateHost() {
            return source.allowPrivateNetwork() ? FetchRequest.hostPort(source.url()) : null;
        }

        void skipped(String page, List<String> reasons) {
            for (String r : reasons) {
                errors.add(new CrawlError(page, FetchOutcome.INVALID_URL.name(), r));
            }
        }

        /**
         * Items kept without fetching their page (list-only HTML, API rows) pass the same guard as fetched ones: a
         * link to an internal host (other than the source's own) is suspicious, so the item is dropped and recorded.
         */
        boolean refused(String url) {
            URI u = safeUri(url);
            if (u == null || url.startsWith("urn:tingfeng:item:")) {
                return false;
            }
            String reason = fetcher.refusal(u, request(u, false));
            if (reason == null) {
                return false;
            }
            errors.add(new CrawlError(url, FetchOutcome.BLOCKED_PRIVATE_ADDRESS.name(), "条目链接指向内网地址，已丢弃：" + reason));
            return true;
        }

        Map<String, String> authHeaders() {
            if (source.json() == null || source.json().authHeader() == null) {
                return Map.of();
            }
            String token = environment.apply(source.json().authEnv());
            if (token == null || token.isBlank()) {
                return Map.of();
            }
            return Map.of(source.json().authHeader(), source.json().authPrefix() + token);
        }

        FetchResult fetchList(URI url) {
            FetchResult res = fetcher.fetch(request(url, false));
            if (!res.ok()) {
                errors.add(new CrawlError(url.toString(), res.outcome().name(), res.message()));
                return null;
            }
            return res;
        }

        void rss() {
            FetchResult res = fetchList(source.url());
            if (res == null) {
                return;
            }
            try {
                FeedParser.Feed feed = FeedParser.parse(res.body(), res.contentType(), res.finalUrl().toString());
                skipped(res.finalUrl().toString(), feed.skipped());
                articles(feed.items());
            } catch (ParseException e) {
                errors.add(new CrawlError(source.url().toString(), "PARSE_ERROR", e.getMessage()));
            }
        }

        void html() {
            SourceDefinition.HtmlSpec h = source.html();
            URI page = source.url();
            Set<String> visited = new java.util.HashSet<>();
            List<ParsedItem> all = new ArrayList<>();
            for (int i = 0; i < h.maxPages() && page != null && visited.add(page.toString()); i++) {
                FetchResult res = fetchList(page);
                if (res == null) {
                    break;
                }
                HtmlListParser.ListPage lp = HtmlListParser.parse(res.text(), res.finalUrl().toString(), h.item(), h.link(),
                        h.title(), h.date(), h.nextPage(), latest);
                all.addAll(lp.items());
                skipped(res.finalUrl().toString(), lp.skipped());
                page = lp.nextPage() == null ? null : safeUri(lp.nextPage());
            }
            if (h.maxDepth() == 0) {
                for (ParsedItem it : all) {
                    if (refused(it.url())) {
                        continue;
                    }
                    itemsSeen++;
                    posts.add(post(it.url(), it.url(), it.title(), it.publishedAt(), null, "", null, Map.of(), null, null));
                }
                return;
            }
            articles(all);
        }

        void sitemap() {
            List<ParsedItem> urls = new ArrayList<>();
            List<String> queue = new ArrayList<>(List.of(source.url().toString()));
            int maps = 0;
            while (!queue.isEmpty() && maps < 20 && urls.size() < source.sitemap().maxUrls()) {
                URI u = safeUri(queue.remove(0));
                maps++;
                if (u == null) {
                    continue;
                }
                FetchResult res = fetchList(u);
                if (res == null) {
                    continue;
                }
                try {
                    SitemapReader.Sitemap sm = SitemapReader.parse(res.body(), res.contentType(), res.finalUrl().toString());
                    urls.addAll(sm.urls());
                    skipped(u.toString(), sm.skipped());
                    if (source.sitemap().followIndex()) {
                        queue.addAll(sm.childSitemaps());
                    }
                } catch (ParseException e) {
                    errors.add(new CrawlError(u.toString(), "PARSE_ERROR", e.getMessage()));
                }
            }
            // newest first, so the bounded run takes what matters
            urls.sort((a, b) -> compareDesc(a.publishedAt(), b.publishedAt()));
            articles(urls.size() > source.sitemap().maxUrls() ? urls.subList(0, source.sitemap().maxUrls()) : urls);
        }

        void json() {
            SourceDefinition.JsonSpec j = source.json();
            if (j.authEnv() != null && authHeaders().isEmpty()) {
                errors.add(new CrawlError(source.url().toString(), "CONFIGURATION", "环境变量 " + j.authEnv() + " 未设置，无法认证"));
                return;
            }
            SourceDefinition.JsonPaging p = j.paging();
            int pages = p == null ? 1 : p.maxPages();
            URI url = source.url();
            int pageNo = p == null ? 0 : p.start();
            for (int i = 0; i < pages && url != null; i++) {
                FetchResult res = fetchList(url);
                if (res == null) {
                    return;
                }
                JsonApiParser.JsonPage page;
                try {
                    page = JsonApiParser.parse(res.text(), j.items(), j.fields(), p == null ? null : p.nextCursor(),
                            p == null ? null : p.nextUrl(), latest);
                } catch (ParseException e) {
                    errors.add(new CrawlError(url.toString(), "PARSE_ERROR", e.getMessage()));
                    return;
                }
                skipped(url.toString(), page.skipped());
                for (ParsedItem it : page.items()) {
                    if (itemsSeen >= maxItemsPerRun) {
                        return;
                    }
                    if (refused(it.url())) {
                        continue;
                    }
                    itemsSeen++;
                    posts.add(post(UrlCanonicalizer.canonicalize(it.url()), it.url(), it.title(), it.publishedAt(), it.author(),
                            it.body() == null ? "" : it.body(), it.platform() != null ? it.platform() : source.platform(),
                            it.engagement(), null, null));
                }
                if (page.items().isEmpty() || p == null) {
                    return;
                }
                if (p.pageParam() != null) {
                    pageNo++;
                    url = withParam(source.url(), p.pageParam(), String.valueOf(pageNo));
                } else if (p.cursorParam() != null) {
                    url = page.nextCursor() == null ? null : withParam(source.url(), p.cursorParam(), page.nextCursor());
                } else {
                    String next = page.nextUrl() == null ? null : HttpUrls.absolute(page.nextUrl(), source.url().toString());
                    if (page.nextUrl() != null && next == null) {
                        errors.add(new CrawlError(url.toString(), FetchOutcome.INVALID_URL.name(), HttpUrls.reason(page.nextUrl())));
                    }
                    url = next == null ? null : safeUri(next);
                }
            }
        }

        void importFolder() {
            Path folder = source.importSpec().folder();
            if (!Files.isDirectory(folder)) {
                errors.add(new CrawlError(folder.toString(), "CONFIGURATION", "投放目录不存在：" + folder));
                return;
            }
            List<Path> files;
            try (Stream<Path> s = Files.list(folder)) {
                files = s.filter(Files::isRegularFile).filter(ImportFileParser::supports).sorted().toList();
            } catch (IOException e) {
                errors.add(new CrawlError(folder.toString(), "NETWORK_ERROR", "无法读取投放目录：" + e.getMessage()));
                return;
            }
            for (Path f : files) {
                String hash;
                try {
                    hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
                } catch (Exception e) {
                    errors.add(new CrawlError(f.toString(), "PARSE_ERROR", "无法读取文件：" + e.getMessage()));
                    continue;
                }
                if (known.imported(hash) || importedHashes.contains(hash)) {
                    continue;
                }
                try {
                    ImportFileParser.ImportReport rep = ImportFileParser.parse(f, latest);
                    imports.add(rep);
                    importedHashes.add(hash);
                    for (ParsedItem it : rep.taken()) {
                        itemsSeen++;
                        posts.add(post(UrlCanonicalizer.canonicalize(it.url()), it.url(), it.title(), it.publishedAt(),
                                it.author(), it.body() == null ? "" : it.body(),
                                it.platform() != null ? it.platform() : source.platform(), it.engagement(), null, null));
                    }
                } catch (ParseException e) {
                    errors.add(new CrawlError(f.toString(), "PARSE_ERROR", e.getMessage()));
                }
            }
        }

        /** Fetch and extract each listed article (deduplicated by canonical URL, bounded per run). */
        void articles(List<ParsedItem> items) {
            Map<String, ParsedItem> unique = new LinkedHashMap<>();
            for (ParsedItem it : items) {
                unique.putIfAbsent(UrlCanonicalizer.canonicalize(it.url()), it);
            }
            for (Map.Entry<String, ParsedItem> e : unique.entrySet()) {
                if (itemsSeen >= maxItemsPerRun) {
                    break;
                }
                itemsSeen++;
                URI u = safeUri(e.getValue().url());
                if (u == null) {
                    errors.add(new CrawlError(e.getValue().url(), FetchOutcome.INVALID_URL.name(), "无效的地址"));
                    continue;
                }
                FetchResult res = fetcher.fetch(request(u, true));
                switch (res.outcome()) {
                    case OK -> posts.add(extract(e.getKey(), e.getValue(), res));
                    case NOT_MODIFIED -> notModified.add(e.getKey());
                    case GONE -> gone.add(e.getKey());
                    default -> errors.add(new CrawlError(u.toString(), res.outcome().name(), res.message()));
                }
            }
        }

        CrawledPost extract(String canonical, ParsedItem listed, FetchResult res) {
            String html = res.text();
            ExtractedArticle a = extractor.extract(html, res.finalUrl().toString());
            String title = a.title();
            String body = a.body();
            Temporal published = a.publishedAt();
            String author = a.author();
            ArticleSelectors sel = source.html() == null ? null : source.html().article();
            if (sel != null) {
                Document doc = Jsoup.parse(html, res.finalUrl().toString());
                title = pick(doc, sel.title(), title);
                author = pick(doc, sel.author(), author);
                if (sel.body() != null) {
                    Element b = doc.selectFirst(sel.body());
                    if (b != null) {
                        body = b.wholeText().replaceAll("[ \\t\\u00a0]+", " ").replaceAll("\\s*\\n\\s*", "\n").strip();
                    }
                }
                if (sel.date() != null) {
                    Element d = doc.selectFirst(sel.date());
                    List<DateFinder.Found> f = d == null ? List.of() : DateFinder.findAll(d.text(), latest);
                    if (!f.isEmpty()) {
                        published = f.get(0).value();
                    }
                }
            }
            if ((title == null || title.isBlank()) && listed.title() != null) {
                title = listed.title();
            }
            if (published == null) {
                published = listed.publishedAt();
            }
            if ((body == null || body.isBlank()) && listed.body() != null) {
                body = listed.body();
            }
            if (author == null) {
                author = listed.author();
            }
            return post(canonical, res.finalUrl().toString(), title, published, author, body, source.platform(),
                    listed.engagement(), res.etag(), res.lastModified());
        }

        CrawledPost post(String canonical, String fetched, String title, Temporal published, String author, String body,
                         String platform, Map<String, Long> engagement, String etag, String lastModified) {
            return new CrawledPost(source.id(), canonical, fetched, title, published, author, body == null ? "" : body,
                    platform, engagement, ContentHash.of(title, body), etag, lastModified, clock.instant());
        }
    }

    private static String pick(Document doc, String selector, String fallback) {
        if (selector == null) {
            return fallback;
        }
        Element e = doc.selectFirst(selector);
        return e == null || e.text().isBlank() ? fallback : e.text().strip();
    }

    private static int compareDesc(Temporal a, Temporal b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        return key(b).compareTo(key(a));
    }

    private static java.time.LocalDateTime key(Temporal t) {
        return t instanceof LocalDate d ? d.atStartOfDay() : (java.time.LocalDateTime) t;
    }

    static URI safeUri(String s) {
        try {
            URI u = new URI(s.strip().replace(" ", "%20"));
            return u.getHost() == null ? null : u;
        } catch (Exception e) {
            return null;
        }
    }

    static URI withParam(URI base, String name, String value) {
        String q = base.getRawQuery();
        String enc = java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
        StringBuilder nq = new StringBuilder();
        if (q != null) {
            for (String pair : q.split("&")) {
                if (!pair.startsWith(name + "=") && !pair.isEmpty()) {
                    nq.append(nq.length() > 0 ? "&" : "").append(pair);
                }
            }
        }
        nq.append(nq.length() > 0 ? "&" : "").append(name).append('=').append(enc);
        String s = base.toString();
        int qi = s.indexOf('?');
        return URI.create((qi < 0 ? s : s.substring(0, qi)) + "?" + nq);
    }
}
