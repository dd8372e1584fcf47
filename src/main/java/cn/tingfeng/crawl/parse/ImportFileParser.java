package cn.tingfeng.crawl.parse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.tingfeng.crawl.extract.DateFinder;
import cn.tingfeng.crawl.fetch.CharsetDetector;

/**
 * Exports of other monitoring platforms: CSV (UTF-8 or GBK, header row), JSONL (one object a line) and
 * Excel (.xlsx, first sheet, header row). Column names are recognised in Chinese and English. Every row is
 * either taken or rejected with its reason.
 */
public final class ImportFileParser {

    /** A row that was not taken: its number (1 = first data row) and why. */
    public record Rejected(int row, String reason) {
    }

    /** What one file gave. */
    public record ImportReport(String file, List<ParsedItem> taken, List<Rejected> rejected) {
        public String summary() {
            return file + "：导入 " + taken.size() + " 条，拒绝 " + rejected.size() + " 条";
        }
    }

    private static final Map<String, String> ALIASES = new HashMap<>();
    private static final long MAX_FILE = 200L * 1024 * 1024;

    static {
        alias("url", "url", "link", "链接", "网址", "原文链接", "地址", "文章链接");
        alias("title", "title", "标题", "主题", "文章标题");
        alias("body", "body", "content", "text", "正文", "内容", "摘要", "全文");
        alias("author", "author", "作者", "发布者", "博主", "用户名", "昵称", "来源账号");
        alias("publishedAt", "publishedat", "published_at", "publish_time", "time", "date", "发布时间", "时间", "日期", "发文时间");
        alias("platform", "platform", "平台", "来源", "媒体", "站点", "来源平台");
        alias("likes", "likes", "点赞", "点赞数");
        alias("comments", "comments", "评论", "评论数");
        alias("shares", "shares", "reposts", "转发", "转发数", "分享数");
    }

    private static void alias(String field, String... names) {
        for (String n : names) {
            ALIASES.put(n.toLowerCase(Locale.ROOT), field);
        }
    }

    private ImportFileParser() {
    }

    public static boolean supports(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".csv") || n.endsWith(".jsonl") || n.endsWith(".ndjson") || n.endsWith(".xlsx");
    }

    public static ImportReport parse(Path file, LocalDate latest) throws ParseException {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        try {
            if (Files.size(file) > MAX_FILE) {
                throw new ParseException(name + "：文件超过 200 MB，未导入");
            }
            List<Map<String, String>> rows;
            if (lower.endsWith(".csv")) {
                rows = csvRows(CharsetDetector.decode(Files.readAllBytes(file), null));
            } else if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
                return jsonl(name, Files.readAllLines(file, java.nio.charset.StandardCharsets.UTF_8), latest);
            } else if (lower.endsWith(".xlsx")) {
                rows = xlsxRows(file);
            } else {
                throw new ParseException(name + "：不支持的文件类型（支持 csv、jsonl、xlsx）");
            }
            return fromRows(name, rows, latest);
        } catch (IOException | RuntimeException e) {
            throw new ParseException(name + "：无法读取：" + e.getMessage(), e);
        }
    }

    private static ImportReport jsonl(String name, List<String> lines, LocalDate latest) {
        ObjectMapper m = new ObjectMapper();
        List<Map<String, String>> rows = new ArrayList<>();
        List<Rejected> early = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        int i = 0;
        for (String line : lines) {
            i++;
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode n = m.readTree(line);
                if (!n.isObject()) {
                    early.add(new Rejected(i, "不是 JSON 对象"));
                    continue;
                }
                Map<String, String> row = new HashMap<>();
                n.fields().forEachRemaining(e -> row.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
                rows.add(row);
                numbers.add(i);
            } catch (IOException e) {
                early.add(new Rejected(i, "JSON 格式错误"));
            }
        }
        ImportReport r = fromRows(name, rows, latest, numbers);
        List<Rejected> all = new ArrayList<>(early);
        all.addAll(r.rejected());
        all.sort(java.util.Comparator.comparingInt(Rejected::row));
        return new ImportReport(name, r.taken(), all);
    }

    private static ImportReport fromRows(String name, List<Map<String, String>> rows, LocalDate latest) {
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            numbers.add(i + 1);
        }
        return fromRows(name, rows, latest, numbers);
    }

    private static ImportReport fromRows(String name, List<Map<String, String>> rows, LocalDate latest, List<Integer> numbers) {
        List<ParsedItem> taken = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            int rowNo = numbers.get(i);
            Map<String, String> f = new HashMap<>();
            for (Map.Entry<String, String> e : rows.get(i).entrySet()) {
                String field = ALIASES.get(e.getKey().strip().toLowerCase(Locale.ROOT));
                if (field != null && e.getValue() != null && !e.getValue().isBlank()) {
                    f.putIfAbsent(field, e.getValue().strip());
                }
            }
            String url = f.get("url");
            if (url == null) {
                rejected.add(new Rejected(rowNo, "缺少链接"));
                continue;
            }
            if (!url.matches("(?i)https?://[^\\s]+")) {
                rejected.add(new Rejected(rowNo, "链接不是 http(s) 地址：" + abbreviate(url)));
                continue;
            }
            if (f.get("title") == null && f.get("body") == null) {
                rejected.add(new Rejected(rowNo, "标题和正文都为空"));
                continue;
            }
            Temporal published = null;
            if (f.get("publishedAt") != null) {
                published = DateFinder.parseValue(f.get("publishedAt"), latest);
                if (published == null) {
                    rejected.add(new Rejected(rowNo, "发布时间无法识别：" + abbreviate(f.get("publishedAt"))));
                    continue;
                }
            }
            if (!seen.add(url)) {
                rejected.add(new Rejected(rowNo, "与本文件前面的行链接重复"));
                continue;
            }
            Map<String, Long> counts = new HashMap<>();
            for (String c : List.of("likes", "comments", "shares")) {
                String v = f.get(c);
                if (v != null && v.matches("\\d{1,15}")) {
                    counts.put(c, Long.parseLong(v));
                }
            }
            taken.add(new ParsedItem(url, f.get("title"), published, f.get("author"), f.get("body"), f.get("platform"), counts));
        }
        return new ImportReport(name, taken, rejected);
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    /** RFC 4180 CSV: quoted fields, doubled quotes, line breaks inside quotes. */
    static List<Map<String, String>> csvRows(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> current = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                current.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                current.add(field.toString());
                field.setLength(0);
                records.add(current);
                current = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !current.isEmpty()) {
            current.add(field.toString());
            records.add(current);
        }
        List<Map<String, String>> rows = new ArrayList<>();
        if (records.isEmpty()) {
            return rows;
        }
        List<String> header = records.get(0);
        for (int r = 1; r < records.size(); r++) {
            List<String> rec = records.get(r);
            if (rec.size() == 1 && rec.get(0).isBlank()) {
                continue;
            }
            Map<String, String> row = new HashMap<>();
            for (int k = 0; k < header.size() && k < rec.size(); k++) {
                row.put(header.get(k), rec.get(k));
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<Map<String, String>> xlsxRows(Path file) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file); ReadableWorkbook wb = new ReadableWorkbook(in)) {
            Sheet sheet = wb.getFirstSheet();
            List<String> header = null;
            try (Stream<Row> stream = sheet.openStream()) {
                for (Row row : (Iterable<Row>) stream::iterator) {
                    if (header == null) {
                        header = new ArrayList<>();
                        for (int k = 0; k < row.getCellCount(); k++) {
                            header.add(row.getCellText(k));
                        }
                        continue;
                    }
                    Map<String, String> m = new HashMap<>();
                    for (int k = 0; k < header.size() && k < row.getCellCount(); k++) {
                        Cell cell = row.getCell(k);
                        if (cell == null) {
                            continue;
                        }
                        String v = cell.getText();
                        if (cell.getType() == CellType.NUMBER && "publishedAt".equals(ALIASES.get(header.get(k).strip().toLowerCase(Locale.ROOT)))) {
                            LocalDateTime dt = cell.asDate();
                            v = dt.toString();
                        }
                        m.put(header.get(k), v);
                    }
                    rows.add(m);
                }
            }
        }
        return rows;
    }
}
