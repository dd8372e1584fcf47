package cn.tingfeng.search;

import cn.tingfeng.shared.ApiException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The query and its filters, checked: a bad value is a 400 naming the field. Times: a date (2026-05-01, a Beijing-time
 * day; {@code to} includes that day), a local date-time (2026-05-01T08:00, Beijing time) or an instant with offset.
 */
public record SearchCriteria(String q, Instant from, Instant to, String source, String platform, String county, Long plan,
        String sentiment, Long incident) {
    public static final ZoneId ZONE = cn.tingfeng.shared.Zones.display();
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.:-]{1,100}");
    private static final Map<String, String> SENTIMENTS = Map.of("negative", "negative", "neutral", "neutral", "positive",
            "positive", "负面", "negative", "中性", "neutral", "正面", "positive");

    /** @param counties the county-level unit names of the loaded jurisdictions (a county filter must be one of them) */
    public static SearchCriteria of(String q, String from, String to, String source, String platform, String county,
            String plan, String sentiment, String incident, Set<String> counties) {
        Instant f = time("from", from, false);
        Instant t = time("to", to, true);
        if (f != null && t != null && !f.isBefore(t)) throw ApiException.badRequest("to", "结束时间必须晚于开始时间");
        String src = blank(source);
        if (src != null && !KEY.matcher(src).matches()) throw ApiException.badRequest("source", "来源标识无效");
        String pf = blank(platform);
        if (pf != null && !KEY.matcher(pf).matches()) throw ApiException.badRequest("platform", "平台无效");
        String c = blank(county);
        if (c != null && !counties.contains(c)) throw ApiException.badRequest("county", "没有名为“" + clip(c) + "”的县区");
        String s = blank(sentiment);
        if (s != null) {
            s = SENTIMENTS.get(s.toLowerCase());
            if (s == null) throw ApiException.badRequest("sentiment", "情感倾向只能是 negative（负面）、neutral（中性）或 positive（正面）");
        }
        return new SearchCriteria(q, f, t, src, pf, c, id("plan", plan), s, id("incident", incident));
    }

    private static Instant time(String field, String v, boolean end) {
        String s = blank(v);
        if (s == null) return null;
        try {
            if (s.length() == 10) {
                LocalDate d = LocalDate.parse(s);
                return (end ? d.plusDays(1) : d).atStartOfDay(ZONE).toInstant();
            }
            if (s.endsWith("Z") || s.matches(".*[+-]\\d\\d:\\d\\d$")) return OffsetDateTime.parse(s).toInstant();
            return LocalDateTime.parse(s).atZone(ZONE).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(field, "时间格式应为 2026-05-01 或 2026-05-01T08:00（北京时间）");
        }
    }

    private static Long id(String field, String v) {
        String s = blank(v);
        if (s == null) return null;
        try {
            long n = Long.parseLong(s);
            if (n < 1) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(field, "编号必须是正整数");
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String clip(String s) {
        return s.length() > 20 ? s.substring(0, 20) + "…" : s;
    }
}
