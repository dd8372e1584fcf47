package cn.tingfeng.source;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.select.QueryParser;
import org.quartz.CronExpression;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.jayway.jsonpath.JsonPath;

import cn.tingfeng.source.SourceDefinition.ArticleSelectors;
import cn.tingfeng.source.SourceDefinition.HtmlSpec;
import cn.tingfeng.source.SourceDefinition.ImportSpec;
import cn.tingfeng.source.SourceDefinition.JsonPaging;
import cn.tingfeng.source.SourceDefinition.JsonSpec;
import cn.tingfeng.source.SourceDefinition.KeywordScope;
import cn.tingfeng.source.SourceDefinition.Politeness;
import cn.tingfeng.source.SourceDefinition.Schedule;
import cn.tingfeng.source.SourceDefinition.SitemapSpec;

/** Reads and validates one source YAML file; every problem is reported with file, field and reason. */
public final class SourceReader {

    /** Either a definition or the errors that prevent it. */
    public record Result(SourceDefinition definition, List<SourceError> errors) {
        public boolean valid() {
            return definition != null && errors.isEmpty();
        }
    }

    public static final Duration MIN_INTERVAL = Duration.ofMinutes(1);
    public static final Duration MIN_DELAY = Duration.ofMillis(500);
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");
    private static final Pattern INTERVAL = Pattern.compile("(\\d+)\\s*(s|m|h|d)");
    private static final Set<String> TOP = Set.of("id", "name", "type", "url", "schedule", "keywords", "platform",
            "politeness", "allowPrivateNetwork", "html", "json", "sitemap", "import", "description", "enabled");
    private static final Set<String> JSON_FIELDS = Set.of("url", "title", "body", "author", "publishedAt", "platform",
            "likes", "comments", "shares", "id");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final String file;
    private final List<SourceError> errors = new ArrayList<>();

    private SourceReader(String file) {
        this.file = file;
    }

    public static Result read(Path path) {
        SourceReader r = new SourceReader(path.getFileName().toString());
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(path));
        } catch (IOException | RuntimeException e) {
            r.error("(文件)", "YAML 无法解析：" + firstLine(e.getMessage()));
            return new Result(null, r.errors);
        }
        return r.parse(root, path);
    }

    public static Result read(String fileName, String yaml) {
        SourceReader r = new SourceReader(fileName);
        try {
            return r.parse(YAML.readTree(yaml), Path.of(fileName));
        } catch (IOException | RuntimeException e) {
            r.error("(文件)", "YAML 无法解析：" + firstLine(e.getMessage()));
            return new Result(null, r.errors);
        }
    }

    private Result parse(JsonNode root, Path path) {
        if (root == null || !root.isObject()) {
            error("(文件)", "文件内容必须是一个映射（键: 值）");
            return new Result(null, errors);
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!TOP.contains(f)) {
                error(f, "未知字段");
            }
        }
        String id = text(root, "id", true);
        if (id != null && !ID.matcher(id).matches()) {
            error("id", "只能包含小写字母、数字和连字符（2–63 个字符）");
        }
        String name = text(root, "name", true);
        SourceType type = null;
        String typeText = text(root, "type", true);
        if (typeText != null) {
            try {
                type = SourceType.valueOf(typeText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                error("type", "未知类型 \"" + typeText + "\"，可选 rss、html、sitemap、json、import");
            }
        }
        URI url = null;
        String urlText = text(root, "url", type != SourceType.IMPORT);
        if (urlText != null) {
            url = httpUrl("url", urlText);
        }
        Schedule schedule = schedule(root.get("schedule"));
        KeywordScope keywords = keywords(root.get("keywords"));
        String platform = text(root, "platform", false);
        Politeness politeness = politeness(root.get("politeness"));
        boolean allowPrivate = bool(root, "allowPrivateNetwork");
        boolean enabled = !root.has("enabled") || bool(root, "enabled");

        HtmlSpec html = null;
        JsonSpec json = null;
        SitemapSpec sitemap = null;
        ImportSpec importSpec = null;
        if (type != null) {
            for (SourceType other : SourceType.values()) {
                String key = other.name().toLowerCase(Locale.ROOT);
                if (other != type && root.has(key)) {
                    error(key, "只适用于 type: " + key + " 的来源");
                }
            }
            switch (type) {
                case HTML -> html = html(root.get("html"));
                case JSON -> json = json(root.get("json"));
                case SITEMAP -> sitemap = sitemap(root.get("sitemap"));
                case IMPORT -> importSpec = importSpec(root.get("import"), path);
                default -> { }
            }
        }
        if (!errors.isEmpty()) {
            return new Result(null, List.copyOf(errors));
        }
        return new Result(new SourceDefinition(id, name, type, url, schedule, keywords, platform == null ? "网站" : platform,
                politeness, allowPrivate, enabled, html, json, sitemap, importSpec, path), List.of());
    }

    private Schedule schedule(JsonNode n) {
        if (n == null || n.isNull()) {
            error("schedule", "必填：间隔（如 15m、1h）或 Quartz cron 表达式");
            return null;
        }
        String v = n.asText().trim();
        Matcher m = INTERVAL.matcher(v.toLowerCase(Locale.ROOT));
        if (m.matches()) {
            long k = Long.parseLong(m.group(1));
            Duration d = switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(k);
                case "m" -> Duration.ofMinutes(k);
                case "h" -> Duration.ofHours(k);
                default -> Duration.ofDays(k);
            };
            if (d.compareTo(MIN_INTERVAL) < 0) {
                error("schedule", "间隔不得短于 1 分钟");
                return null;
            }
            return new Schedule(d, null);
        }
        if (CronExpression.isValidExpression(v)) {
            return new Schedule(null, v);
        }
        error("schedule", "既不是间隔（如 15m）也不是有效的 Quartz cron 表达式：" + v);
        return null;
    }

    private KeywordScope keywords(JsonNode n) {
        if (n == null || n.isNull() || (n.isTextual() && n.asText().equalsIgnoreCase("all"))) {
            return KeywordScope.ALL;
        }
        if (n.isArray()) {
            List<String> plans = new ArrayList<>();
            for (JsonNode p : n) {
                if (!p.isTextual() || p.asText().isBlank()) {
                    error("keywords", "监测方案名称必须是非空文本");
                } else {
                    plans.add(p.asText().trim());
                }
            }
            if (plans.isEmpty()) {
                error("keywords", "方案列表为空：写 all 或至少一个方案名称");
            }
            return new KeywordScope(false, plans);
        }
        error("keywords", "必须是 all 或方案名称列表");
        return null;
    }

    private Politeness politeness(JsonNode n) {
        if (n == null || n.isNull()) {
            return Politeness.DEFAULT;
        }
        if (!n.isObject()) {
            error("politeness", "必须是映射");
            return null;
        }
        known(n, "politeness", Set.of("delay", "ignoreRobots", "reason"));
        Duration delay = null;
        if (n.has("delay")) {
            delay = duration("politeness.delay", n.get("delay").asText());
            if (delay != null && delay.compareTo(MIN_DELAY) < 0) {
                error("politeness.delay", "间隔不得短于 500 毫秒");
            }
        }
        boolean ignore = n.path("ignoreRobots").asBoolean(false);
        String reason = n.hasNonNull("reason") ? n.get("reason").asText().trim() : null;
        if (ignore && (reason == null || reason.length() < 4)) {
            error("politeness.reason", "忽略 robots.txt 必须写明理由（至少 4 个字）");
        }
        return new Politeness(delay, ignore, reason);
    }

    private HtmlSpec html(JsonNode n) {
        if (n == null || !n.isObject()) {
            error("html", "type: html 需要 html 部分（item、link 选择器）");
            return null;
        }
        known(n, "html", Set.of("item", "link", "title", "date", "nextPage", "maxPages", "maxDepth", "article"));
        String item = selector(n, "html.item", "item", true);
        String link = selector(n, "html.link", "link", false);
        String title = selector(n, "html.title", "title", false);
        String date = selector(n, "html.date", "date", false);
        String next = selector(n, "html.nextPage", "nextPage", false);
        int maxPages = intIn(n, "html.maxPages", "maxPages", 1, 1, 50);
        int maxDepth = intIn(n, "html.maxDepth", "maxDepth", 1, 0, 3);
        ArticleSelectors article = null;
        JsonNode a = n.get("article");
        if (a != null && a.isObject()) {
            known(a, "html.article", Set.of("title", "body", "date", "author"));
            article = new ArticleSelectors(selector(a, "html.article.title", "title", false),
                    selector(a, "html.article.body", "body", false), selector(a, "html.article.date", "date", false),
                    selector(a, "html.article.author", "author", false));
        } else if (a != null && !a.isNull()) {
            error("html.article", "必须是映射");
        }
        return new HtmlSpec(item, link == null ? "a[href]" : link, title, date, next, maxPages, maxDepth, article);
    }

    private JsonSpec json(JsonNode n) {
        if (n == null || !n.isObject()) {
            error("json", "type: json 需要 json 部分（items、fields）");
            return null;
        }
        known(n, "json", Set.of("items", "fields", "paging", "authHeader", "authEnv", "authPrefix"));
        String items = path(n, "json.items", "items", true);
        Map<String, String> fields = new LinkedHashMap<>();
        JsonNode f = n.get("fields");
        if (f == null || !f.isObject()) {
            error("json.fields", "必填：目标字段到 JSON Pointer / JsonPath 的映射");
        } else {
            for (Iterator<Map.Entry<String, JsonNode>> it = f.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!JSON_FIELDS.contains(e.getKey())) {
                    error("json.fields." + e.getKey(), "未知目标字段，可选 " + JSON_FIELDS);
                    continue;
                }
                String p = path(f, "json.fields." + e.getKey(), e.getKey(), true);
                if (p != null) {
                    fields.put(e.getKey(), p);
                }
            }
            if (!fields.containsKey("url") && !fields.containsKey("id")) {
                error("json.fields.url", "必须映射 url（或 id）");
            }
            if (!fields.containsKey("title") && !fields.containsKey("body")) {
                error("json.fields", "至少映射 title 或 body");
            }
        }
        JsonPaging paging = null;
        JsonNode p = n.get("paging");
        if (p != null && p.isObject()) {
            known(p, "json.paging", Set.of("pageParam", "start", "cursorParam", "nextCursor", "nextUrl", "maxPages"));
            String pageParam = p.hasNonNull("pageParam") ? p.get("pageParam").asText() : null;
            String cursorParam = p.hasNonNull("cursorParam") ? p.get("cursorParam").asText() : null;
            String nextCursor = path(p, "json.paging.nextCursor", "nextCursor", cursorParam != null);
            String nextUrl = path(p, "json.paging.nextUrl", "nextUrl", false);
            int ways = (pageParam != null ? 1 : 0) + (cursorParam != null ? 1 : 0) + (nextUrl != null ? 1 : 0);
            if (ways != 1) {
                error("json.paging", "只能选择一种翻页方式：pageParam、cursorParam（配 nextCursor）或 nextUrl");
            }
            paging = new JsonPaging(pageParam, intIn(p, "json.paging.start", "start", 1, 0, 1000), cursorParam, nextCursor,
                    nextUrl, intIn(p, "json.paging.maxPages", "maxPages", 5, 1, 100));
        }
        String authHeader = n.hasNonNull("authHeader") ? n.get("authHeader").asText() : null;
        String authEnv = n.hasNonNull("authEnv") ? n.get("authEnv").asText() : null;
        if ((authHeader == null) != (authEnv == null)) {
            error(authHeader == null ? "json.authHeader" : "json.authEnv", "authHeader 与 authEnv 必须同时给出（凭据只从环境变量读取）");
        }
        if (authEnv != null && !authEnv.matches("[A-Z_][A-Z0-9_]*")) {
            error("json.authEnv", "必须是环境变量名（大写字母、数字、下划线），不要写凭据本身");
        }
        return new JsonSpec(items, fields, paging, authHeader, authEnv,
                n.hasNonNull("authPrefix") ? n.get("authPrefix").asText() : "");
    }

    private SitemapSpec sitemap(JsonNode n) {
        if (n == null || n.isNull()) {
            return new SitemapSpec(200, true);
        }
        known(n, "sitemap", Set.of("maxUrls", "followIndex"));
        return new SitemapSpec(intIn(n, "sitemap.maxUrls", "maxUrls", 200, 1, 50_000), n.path("followIndex").asBoolean(true));
    }

    private ImportSpec importSpec(JsonNode n, Path file) {
        if (n == null || !n.hasNonNull("folder")) {
            error("import.folder", "type: import 需要投放目录 folder");
            return null;
        }
        known(n, "import", Set.of("folder"));
        // a relative folder is resolved by the application against its import root (tingfeng.crawlers.import-dir)
        String text = n.get("folder").asText().trim();
        if (text.isEmpty() || text.contains("\0")) {
            error("import.folder", "投放目录不能为空");
            return null;
        }
        return new ImportSpec(Path.of(text));
    }

    // ------------------------------------------------------------------ helpers

    private void known(JsonNode n, String prefix, Set<String> allowed) {
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f)) {
                error(prefix + "." + f, "未知字段");
            }
        }
    }

    private String text(JsonNode n, String field, boolean required) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull() || v.asText().isBlank()) {
            if (required) {
                error(field, "必填");
            }
            return null;
        }
        if (!v.isValueNode()) {
            error(field, "必须是文本");
            return null;
        }
        return v.asText().trim();
    }

    private boolean bool(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return false;
        }
        if (!v.isBoolean()) {
            error(field, "必须是 true 或 false");
            return false;
        }
        return v.asBoolean();
    }

    private URI httpUrl(String field, String text) {
        try {
            URI u = new URI(text);
            if (u.getScheme() == null || !(u.getScheme().equals("http") || u.getScheme().equals("https")) || u.getHost() == null) {
                error(field, "必须是 http(s) 绝对地址：" + text);
                return null;
            }
            return u;
        } catch (Exception e) {
            error(field, "地址格式错误：" + text);
            return null;
        }
    }

    private String selector(JsonNode n, String field, String key, boolean required) {
        String s = text(n, key, false);
        if (s == null) {
            if (required) {
                error(field, "必填：CSS 选择器");
            }
            return null;
        }
        try {
            QueryParser.parse(s);
            return s;
        } catch (RuntimeException e) {
            error(field, "CSS 选择器无效：" + firstLine(e.getMessage()));
            return null;
        }
    }

    private String path(JsonNode n, String field, String key, boolean required) {
        String s = text(n, key, false);
        if (s == null) {
            if (required) {
                error(field, "必填：JSON Pointer（/a/b）或 JsonPath（$.a.b）");
            }
            return null;
        }
        if (s.startsWith("/") || s.isEmpty()) {
            try {
                com.fasterxml.jackson.core.JsonPointer.compile(s);
                return s;
            } catch (IllegalArgumentException e) {
                error(field, "JSON Pointer 无效：" + e.getMessage());
                return null;
            }
        }
        if (s.startsWith("$")) {
            try {
                JsonPath.compile(s);
                return s;
            } catch (RuntimeException e) {
                error(field, "JsonPath 无效：" + firstLine(e.getMessage()));
                return null;
            }
        }
        error(field, "必须以 / 开头（JSON Pointer）或以 $ 开头（JsonPath）");
        return null;
    }

    private int intIn(JsonNode n, String field, String key, int dflt, int min, int max) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (!v.canConvertToInt() || !v.isIntegralNumber()) {
            error(field, "必须是整数");
            return dflt;
        }
        int i = v.asInt();
        if (i < min || i > max) {
            error(field, "必须在 " + min + " 到 " + max + " 之间");
        }
        return i;
    }

    private Duration duration(String field, String v) {
        Matcher m = Pattern.compile("(\\d+)\\s*(ms|s|m)").matcher(v.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            error(field, "时长格式如 500ms、2s、1m：" + v);
            return null;
        }
        long k = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(k);
            case "s" -> Duration.ofSeconds(k);
            default -> Duration.ofMinutes(k);
        };
    }

    private void error(String field, String reason) {
        errors.add(new SourceError(file, field, reason));
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int i = s.indexOf('\n');
        return i < 0 ? s : s.substring(0, i);
    }
}
