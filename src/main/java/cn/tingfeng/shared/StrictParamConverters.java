package cn.tingfeng.shared;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Function;

/**
 * Numbers, booleans and dates in paths, queries, forms and headers: a value that does not parse is a 400 naming the
 * parameter ({@code ?page=abc} → "page 必须是整数"), not JAX-RS's 404 for unconvertible query and path parameters, and a
 * boolean is {@code true}/{@code false} (or a form's {@code on}), not "anything else is false".
 */
@Provider
public class StrictParamConverters implements ParamConverterProvider {
    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> raw, Type generic, Annotation[] annotations) {
        String name = name(annotations);
        if (name == null) {
            return null;
        }
        if (raw == String.class) {
            return (ParamConverter<T>) new CleanText(name);
        }
        if (raw == Integer.class || raw == int.class) {
            return (ParamConverter<T>) new Strict<>(name, "整数", s -> Integer.valueOf(s));
        }
        if (raw == Long.class || raw == long.class) {
            return (ParamConverter<T>) new Strict<>(name, "整数", s -> Long.valueOf(s));
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return (ParamConverter<T>) new Strict<>(name, "true 或 false", StrictParamConverters::bool);
        }
        if (raw == LocalDate.class) {
            return (ParamConverter<T>) new Strict<>(name, "日期（YYYY-MM-DD）", LocalDate::parse);
        }
        return null;
    }

    private static Boolean bool(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "true", "on", "1", "yes" -> Boolean.TRUE;
            case "false", "off", "0", "no", "" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException(s);
        };
    }

    private static String name(Annotation[] annotations) {
        if (annotations == null) {
            return null;
        }
        for (Annotation a : annotations) {
            if (a instanceof QueryParam q) {
                return q.value();
            } else if (a instanceof PathParam p) {
                return p.value();
            } else if (a instanceof FormParam f) {
                return f.value();
            } else if (a instanceof HeaderParam h) {
                return h.value();
            } else if (a instanceof CookieParam c) {
                return c.value();
            } else if (a.annotationType().getName().startsWith("org.jboss.resteasy.reactive.Rest")) {
                try {
                    Object v = a.annotationType().getMethod("value").invoke(a);
                    return v instanceof String s && !s.isEmpty() ? s : "参数";
                } catch (ReflectiveOperationException e) {
                    return "参数";
                }
            }
        }
        return null;
    }

    /** Text parameters: no control characters other than tab, line feed and carriage return (a NUL breaks storage). */
    private record CleanText(String name) implements ParamConverter<String> {
        @Override
        public String fromString(String value) {
            if (value != null && ApiObjectMapper.controlAt(value) >= 0) {
                throw ApiException.badRequest(name, name + " 不能包含控制字符（如 NUL）");
            }
            return value;
        }

        @Override
        public String toString(String value) {
            return value;
        }
    }

    private record Strict<T>(String name, String kind, Function<String, T> parse) implements ParamConverter<T> {
        @Override
        public T fromString(String value) {
            if (value == null) {
                return null;
            }
            try {
                return parse.apply(value.strip());
            } catch (NumberFormatException | DateTimeParseException e) {
                throw ApiException.badRequest(name, name + " 必须是" + kind + "，收到 “" + clip(value) + "”");
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest(name, name + " 必须是" + kind + "，收到 “" + clip(value) + "”");
            }
        }

        @Override
        public String toString(T value) {
            return value == null ? null : value.toString();
        }

        private static String clip(String v) {
            return v.length() <= 40 ? v : v.substring(0, 40) + "…";
        }
    }
}
