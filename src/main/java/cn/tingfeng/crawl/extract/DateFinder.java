package cn.tingfeng.crawl.extract;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds dates written the ways Chinese pages write them, and ISO-8601 values of meta tags. */
public final class DateFinder {

    /** A date found in text, with its position and whether a label such as 发布时间 precedes it. */
    public record Found(Temporal value, int start, int end, boolean labelled) {
        public boolean hasTime() {
            return value instanceof LocalDateTime;
        }
    }

    private static final String NUM_YEAR = "((?:19|20)\\d{2})";
    private static final Pattern DATE = Pattern.compile(
            NUM_YEAR + "\\s*(?:年|-|/|\\.|_)\\s*(\\d{1,2})\\s*(?:月|-|/|\\.|_)\\s*(\\d{1,2})\\s*(?:日|号)?"
                    + "(?:[\\sT　,，]*(?:(上午|下午|晚上|凌晨|早上|中午)\\s*)?(\\d{1,2})\\s*(?::|：|时|点)\\s*(\\d{1,2})"
                    + "(?:\\s*(?::|：|分)\\s*(\\d{1,2})\\s*秒?)?)?");
    private static final Pattern CN_NUM_DATE = Pattern.compile(
            "([〇零一二三四五六七八九○Ｏ０-９]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日");
    /** The US form ASP.NET pages print: 9/17/2004 5:54:13 AM. */
    private static final Pattern US_DATE = Pattern.compile(
            "(?<![\\d/])(\\d{1,2})/(\\d{1,2})/((?:19|20)\\d{2})(?:\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*([AaPp][Mm])?)?");
    private static final Pattern LABEL = Pattern.compile(
            "(发布|发表|更新|时间|日期|来源|Posted|posted|published|Published|Date|date|于)[^\\n]{0,12}$");

    private DateFinder() {
    }

    /** All dates in the text in order of appearance, plausible ones only (not in the future of {@code latest}). */
    public static List<Found> findAll(String text, LocalDate latest) {
        List<Found> out = new ArrayList<>();
        Matcher m = DATE.matcher(text);
        while (m.find()) {
            Temporal t = build(m, latest);
            if (t != null) {
                String before = text.substring(Math.max(0, m.start() - 16), m.start());
                out.add(new Found(t, m.start(), m.end(), LABEL.matcher(before).find()));
            }
        }
        Matcher u = US_DATE.matcher(text);
        while (u.find()) {
            try {
                LocalDate d = LocalDate.of(Integer.parseInt(u.group(3)), Integer.parseInt(u.group(1)), Integer.parseInt(u.group(2)));
                if (!plausible(d, latest)) {
                    continue;
                }
                Temporal t = d;
                if (u.group(4) != null) {
                    int h = Integer.parseInt(u.group(4));
                    String ampm = u.group(7);
                    if (ampm != null && ampm.equalsIgnoreCase("pm") && h < 12) {
                        h += 12;
                    } else if (ampm != null && ampm.equalsIgnoreCase("am") && h == 12) {
                        h = 0;
                    }
                    int sec = u.group(6) == null ? 0 : Integer.parseInt(u.group(6));
                    t = d.atTime(h, Integer.parseInt(u.group(5)), sec);
                }
                String before = text.substring(Math.max(0, u.start() - 16), u.start());
                out.add(new Found(t, u.start(), u.end(), LABEL.matcher(before).find()));
            } catch (DateTimeException | NumberFormatException ignored) {
                // not a date
            }
        }
        Matcher c = CN_NUM_DATE.matcher(text);
        while (c.find()) {
            try {
                int y = Integer.parseInt(cnDigits(c.group(1)));
                LocalDate d = LocalDate.of(y, cnNumber(c.group(2)), cnNumber(c.group(3)));
                if (plausible(d, latest)) {
                    String before = text.substring(Math.max(0, c.start() - 16), c.start());
                    out.add(new Found(d, c.start(), c.end(), LABEL.matcher(before).find()));
                }
            } catch (RuntimeException ignored) {
                // not a date
            }
        }
        out.sort(java.util.Comparator.comparingInt(Found::start));
        return out;
    }

    private static Temporal build(Matcher m, LocalDate latest) {
        try {
            int y = Integer.parseInt(m.group(1));
            int mo = Integer.parseInt(m.group(2));
            int d = Integer.parseInt(m.group(3));
            LocalDate date = LocalDate.of(y, mo, d);
            if (!plausible(date, latest)) {
                return null;
            }
            if (m.group(5) != null) {
                int h = Integer.parseInt(m.group(5));
                int mi = Integer.parseInt(m.group(6));
                String half = m.group(4);
                if (half != null && (half.equals("下午") || half.equals("晚上")) && h < 12) {
                    h += 12;
                }
                int s = m.group(7) == null ? 0 : Integer.parseInt(m.group(7));
                if (h < 24 && mi < 60 && s < 60) {
                    return LocalDateTime.of(date, java.time.LocalTime.of(h, mi, s));
                }
            }
            return date;
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static boolean plausible(LocalDate d, LocalDate latest) {
        return d.getYear() >= 1990 && (latest == null || !d.isAfter(latest));
    }

    /** Parses a machine-readable value (ISO-8601 with or without offset, or a Chinese form). */
    public static Temporal parseValue(String value, LocalDate latest) {
        if (value == null) {
            return null;
        }
        String v = value.trim();
        if (v.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(v).atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai")).toLocalDateTime();
        } catch (DateTimeParseException ignored) {
            // next form
        }
        try {
            return ZonedDateTime.parse(v).withZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai")).toLocalDateTime();
        } catch (DateTimeParseException ignored) {
            // next form
        }
        if (v.matches("\\d{10}|\\d{13}")) {
            long epoch = Long.parseLong(v);
            if (v.length() == 13) {
                epoch /= 1000;
            }
            return LocalDateTime.ofEpochSecond(epoch, 0, java.time.ZoneOffset.ofHours(8));
        }
        List<Found> all = findAll(v, latest);
        return all.isEmpty() ? null : all.get(0).value();
    }

    private static String cnDigits(String s) {
        StringBuilder b = new StringBuilder();
        for (char ch : s.toCharArray()) {
            int i = "〇一二三四五六七八九".indexOf(ch);
            if (ch == '零' || ch == '○' || ch == 'Ｏ') {
                i = 0;
            }
            if (ch >= '０' && ch <= '９') {
                i = ch - '０';
            }
            b.append(i < 0 ? "x" : String.valueOf(i));
        }
        return b.toString();
    }

    private static int cnNumber(String s) {
        String digits = "零一二三四五六七八九";
        if (s.length() == 1) {
            return s.equals("十") ? 10 : digits.indexOf(s.charAt(0));
        }
        if (s.charAt(0) == '十') {
            return 10 + digits.indexOf(s.charAt(1));
        }
        int tens = digits.indexOf(s.charAt(0));
        int units = s.length() == 3 ? digits.indexOf(s.charAt(2)) : 0;
        return tens * 10 + units;
    }
}
