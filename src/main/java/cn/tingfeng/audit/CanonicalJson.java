package cn.tingfeng.audit;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Canonical JSON for hashing (in the spirit of RFC 8785 JCS, restricted to what the log stores):
 * <ul>
 *   <li>object keys sorted by UTF-16 code units (Java {@code String.compareTo}), no whitespace;</li>
 *   <li>strings: only {@code "} {@code \} and control characters escaped ({@code \b \f \n \r \t}, else
 *       <code>&#92;u00XX</code>); lone surrogates escaped as <code>&#92;uXXXX</code> so distinct strings never collide
 *       in UTF-8; everything else written as is (UTF-8);</li>
 *   <li>numbers: integers as plain decimals; {@link BigDecimal} with trailing zeros stripped, plain
 *       notation ({@code 1.50} → {@code 1.5}, {@code 1E+2} → {@code 100}); float and double are
 *       rejected (binary fractions do not survive a round trip through a database unchanged);</li>
 *   <li>{@link Instant}: UTC, always 6 fraction digits ({@code 2026-11-21T08:00:00.000000Z}), which is
 *       the precision PostgreSQL {@code timestamptz} keeps; an instant with nanoseconds is rejected
 *       (truncate with {@link #micros(Instant)} before storing); {@link LocalDate}: ISO;</li>
 *   <li>enums by name, UUIDs as text, records as objects of their components, maps with string keys,
 *       collections and arrays as arrays; null as {@code null}; anything else is rejected.</li>
 * </ul>
 */
public final class CanonicalJson {

    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(java.time.ZoneOffset.UTC);

    private CanonicalJson() {
    }

    public static String write(Object value) {
        StringBuilder sb = new StringBuilder(256);
        write(sb, value, 0);
        return sb.toString();
    }

    /** Truncates to microseconds, the precision the log keeps. */
    public static Instant micros(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.MICROS);
    }

    public static String formatInstant(Instant t) {
        if (t.getNano() % 1000 != 0) {
            throw new IllegalArgumentException("审计时间精度超过微秒，请先截断: " + t);
        }
        return INSTANT.format(t);
    }

    private static void write(StringBuilder sb, Object v, int depth) {
        if (depth > 64) throw new IllegalArgumentException("审计数据嵌套过深");
        if (v == null) {
            sb.append("null");
        } else if (v instanceof String s) {
            string(sb, s);
        } else if (v instanceof Boolean b) {
            sb.append(b ? "true" : "false");
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte
                || v instanceof BigInteger) {
            sb.append(v);
        } else if (v instanceof BigDecimal d) {
            sb.append(d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString());
        } else if (v instanceof Double || v instanceof Float) {
            throw new IllegalArgumentException("审计数据不接受浮点数，请使用 BigDecimal 或字符串: " + v);
        } else if (v instanceof Instant t) {
            string(sb, formatInstant(t));
        } else if (v instanceof LocalDate d) {
            string(sb, d.toString());
        } else if (v instanceof Enum<?> e) {
            string(sb, e.name());
        } else if (v instanceof UUID u) {
            string(sb, u.toString());
        } else if (v instanceof Map<?, ?> m) {
            TreeMap<String, Object> sorted = new TreeMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!(e.getKey() instanceof String k)) throw new IllegalArgumentException("审计数据的键必须是字符串");
                sorted.put(k, e.getValue());
            }
            object(sb, sorted, depth);
        } else if (v instanceof Record r) {
            TreeMap<String, Object> sorted = new TreeMap<>();
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                try {
                    c.getAccessor().setAccessible(true);
                    sorted.put(c.getName(), c.getAccessor().invoke(r));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalArgumentException("无法读取记录字段 " + c.getName(), e);
                }
            }
            object(sb, sorted, depth);
        } else if (v instanceof Collection<?> c) {
            array(sb, new ArrayList<>(c), depth);
        } else if (v instanceof Object[] a) {
            array(sb, List.of(a), depth);
        } else {
            throw new IllegalArgumentException("审计数据不支持的类型: " + v.getClass().getName());
        }
    }

    private static void object(StringBuilder sb, TreeMap<String, Object> sorted, int depth) {
        sb.append('{');
        boolean first = true;
        for (Map.Entry<String, Object> e : sorted.entrySet()) {
            if (!first) sb.append(',');
            first = false;
            string(sb, e.getKey());
            sb.append(':');
            write(sb, e.getValue(), depth + 1);
        }
        sb.append('}');
    }

    private static void array(StringBuilder sb, List<?> items, int depth) {
        sb.append('[');
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) sb.append(',');
            write(sb, items.get(i), depth + 1);
        }
        sb.append(']');
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        hex(sb, c);
                    } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        sb.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        hex(sb, c);
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    private static void hex(StringBuilder sb, char c) {
        sb.append(String.format("\\u%04x", (int) c));
    }
}
