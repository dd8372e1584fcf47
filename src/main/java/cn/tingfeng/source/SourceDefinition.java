package cn.tingfeng.source;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One source, read from one YAML file of the {@code crawlers/} folder. Exactly one of the type-specific
 * parts ({@link #html()}, {@link #json()}, {@link #sitemap()}, {@link #importSpec()}) is set for those
 * types; rss needs none. A disabled source ({@code enabled: false}) is validated but not scheduled.
 */
public record SourceDefinition(String id, String name, SourceType type, URI url, Schedule schedule,
                               KeywordScope keywords, String platform, Politeness politeness,
                               boolean allowPrivateNetwork, boolean enabled, HtmlSpec html, JsonSpec json, SitemapSpec sitemap,
                               ImportSpec importSpec, Path file) {

    /** This definition with its import folder resolved against {@code root} when it was written relative. */
    public SourceDefinition withImportRoot(Path root) {
        if (importSpec == null || importSpec.folder().isAbsolute()) {
            return this;
        }
        return new SourceDefinition(id, name, type, url, schedule, keywords, platform, politeness, allowPrivateNetwork,
                enabled, html, json, sitemap, new ImportSpec(root.resolve(importSpec.folder()).normalize()), file);
    }

    /** The schedule as written in the file: an interval such as 15m or the cron expression. */
    public String scheduleText() {
        if (schedule == null) {
            return null;
        }
        if (schedule.isCron()) {
            return schedule.cron();
        }
        java.time.Duration d = schedule.interval();
        if (d.toDays() > 0 && d.equals(java.time.Duration.ofDays(d.toDays()))) {
            return d.toDays() + "d";
        }
        if (d.toHours() > 0 && d.equals(java.time.Duration.ofHours(d.toHours()))) {
            return d.toHours() + "h";
        }
        if (d.toMinutes() > 0 && d.equals(java.time.Duration.ofMinutes(d.toMinutes()))) {
            return d.toMinutes() + "m";
        }
        return d.toSeconds() + "s";
    }

    /** Every {@code interval} (e.g. "15m") or by a Quartz cron expression; exactly one is set. */
    public record Schedule(Duration interval, String cron) {
        public boolean isCron() {
            return cron != null;
        }
    }

    /** All monitoring plans, or the named ones. */
    public record KeywordScope(boolean allPlans, List<String> plans) {
        public static final KeywordScope ALL = new KeywordScope(true, List.of());

        public KeywordScope {
            plans = plans == null ? List.of() : List.copyOf(plans);
        }

        public boolean covers(String plan) {
            return allPlans || plans.contains(plan);
        }
    }

    /**
     * @param delay        per-host delay for this source, or null for the default
     * @param ignoreRobots robots.txt not consulted; only valid with a written {@code reason}
     */
    public record Politeness(Duration delay, boolean ignoreRobots, String reason) {
        public static final Politeness DEFAULT = new Politeness(null, false, null);

        /** The reason to pass to the fetcher, or null when robots.txt is obeyed. */
        public String robotsOverrideReason() {
            return ignoreRobots ? reason : null;
        }
    }

    /** Selectors of the article page; each optional (the general extractor fills in what is missing). */
    public record ArticleSelectors(String title, String body, String date, String author) {
    }

    /**
     * A list page: {@code item} selects each entry, {@code link} (inside an item) its article link,
     * {@code nextPage} the pagination link; {@code maxPages} list pages and {@code maxDepth} levels are followed.
     */
    public record HtmlSpec(String item, String link, String title, String date, String nextPage, int maxPages,
                           int maxDepth, ArticleSelectors article) {
    }

    /**
     * A JSON API. Paths starting with "/" are JSON Pointers, with "$" JsonPath.
     *
     * @param items   path to the array of items
     * @param fields  target field (url, title, body, author, publishedAt, platform, likes, comments, shares) → path
     * @param paging  how to get the next page, or null for one page
     * @param authHeader header name (e.g. Authorization) whose value comes from the environment variable {@code authEnv}
     */
    public record JsonSpec(String items, Map<String, String> fields, JsonPaging paging, String authHeader,
                           String authEnv, String authPrefix) {
    }

    /**
     * Page-number paging ({@code pageParam} from {@code start}) or cursor paging ({@code cursorParam} with the
     * cursor read at {@code nextCursor}) or a next-URL field ({@code nextUrl}); at most {@code maxPages}.
     */
    public record JsonPaging(String pageParam, int start, String cursorParam, String nextCursor, String nextUrl,
                             int maxPages) {
    }

    public record SitemapSpec(int maxUrls, boolean followIndex) {
    }

    /** A drop folder of CSV, JSONL and Excel exports. */
    public record ImportSpec(Path folder) {
    }
}
