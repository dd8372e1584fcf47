package cn.tingfeng.crawl.parse;

import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;

import cn.tingfeng.crawl.extract.DateFinder;

/**
 * One page of a JSON API mapped to items. Paths starting with "/" are JSON Pointers, with "$" JsonPath;
 * field paths are relative to each item.
 */
public final class JsonApiParser {

    /** The items, and where the next page is: a cursor value or a URL (either may be null). */
    public record JsonPage(List<ParsedItem> items, String nextCursor, String nextUrl, List<String> skipped) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Configuration CONF = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider(MAPPER)).mappingProvider(new JacksonMappingProvider(MAPPER))
            .options(Option.SUPPRESS_EXCEPTIONS).build();
    private static final List<String> COUNTS = List.of("likes", "comments", "shares");

    private JsonApiParser() {
    }

    public static JsonPage parse(String json, String itemsPath, Map<String, String> fields, String nextCursorPath,
                                 String nextUrlPath, LocalDate latest) throws ParseException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (Exception e) {
            throw new ParseException("接口返回的不是有效 JSON：" + e.getMessage(), e);
        }
        JsonNode arr = select(root, itemsPath);
        List<ParsedItem> items = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        if (arr != null && arr.isArray()) {
            for (JsonNode item : arr) {
                JsonNode urlNode = select(item, fields.get("url"));
                String url = text(urlNode);
                if (url != null) {
                    // a link must be a JSON string holding an absolute http(s) URL: not 12345, not javascript:
                    String absolute = urlNode.isTextual() ? HttpUrls.absolute(url, null) : null;
                    if (absolute == null) {
                        skipped.add(HttpUrls.reason(url));
                        continue;
                    }
                    url = absolute;
                } else if (fields.containsKey("id")) {
                    String id = text(select(item, fields.get("id")));
                    if (id != null && !id.matches("[A-Za-z0-9._~:-]{1,128}")) {
                        skipped.add("条目编号含不允许的字符，已跳过：" + (id.length() > 60 ? id.substring(0, 60) + "…" : id));
                        continue;
                    }
                    url = id == null ? null : "urn:tingfeng:item:" + id;
                }
                if (url == null) {
                    continue;
                }
                String published = text(select(item, fields.get("publishedAt")));
                Temporal t = DateFinder.parseValue(published, latest);
                Map<String, Long> counts = new HashMap<>();
                for (String c : COUNTS) {
                    JsonNode n = select(item, fields.get(c));
                    if (n != null && n.canConvertToLong()) {
                        counts.put(c, n.asLong());
                    } else if (n != null && n.isTextual() && n.asText().matches("\\d{1,15}")) {
                        counts.put(c, Long.parseLong(n.asText()));
                    }
                }
                items.add(new ParsedItem(url, text(select(item, fields.get("title"))), t,
                        text(select(item, fields.get("author"))), text(select(item, fields.get("body"))),
                        text(select(item, fields.get("platform"))), counts));
            }
        } else if (arr != null) {
            throw new ParseException("items 路径指向的不是数组：" + itemsPath);
        }
        String nextUrl = text(select(root, nextUrlPath));
        return new JsonPage(items, text(select(root, nextCursorPath)), nextUrl, skipped);
    }

    static JsonNode select(JsonNode node, String path) {
        if (path == null || node == null) {
            return null;
        }
        if (path.startsWith("$")) {
            Object r = JsonPath.using(CONF).parse(node).read(path);
            if (r == null) {
                return null;
            }
            return r instanceof JsonNode j ? j : MAPPER.valueToTree(r);
        }
        JsonNode n = node.at(JsonPointer.compile(path));
        return n.isMissingNode() ? null : n;
    }

    private static String text(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return null;
        }
        if (n.isArray() && n.size() == 1) {
            n = n.get(0);
        }
        String s = n.isValueNode() ? n.asText() : n.toString();
        return s.isBlank() ? null : s.strip();
    }
}
