package cn.tingfeng.shared;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import jakarta.inject.Inject;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * The rules for JSON request bodies of the API (only there: stored JSON is read with the plain mapper):
 * <ul>
 *   <li>No control characters in text (NUL and the other C0 controls except tab, line feed, carriage return): they
 *   break PostgreSQL's text type, logs and exports.</li>
 *   <li>Instants are ISO-8601 strings ({@code 2026-03-01T08:00:00+08:00} or {@code …Z}) within a plausible window
 *   around now — from {@link #PAST} before to {@link #FUTURE} after — so that a year −999999999 or a number such as
 *   {@code 1e308} never reaches a deadline computation.</li>
 * </ul>
 * A refused value is a 400 naming the field (see {@link ApiErrorMappers#unreadableJson}).
 */
@Provider
public class ApiObjectMapper implements ContextResolver<ObjectMapper> {
    public static final Duration PAST = Duration.ofDays(365L * 30);
    public static final Duration FUTURE = Duration.ofDays(365L * 10);
    /** Messages of refused values start with this, so the error mapper shows them as they are. */
    public static final String REFUSED = "tingfeng:";

    private final ObjectMapper mapper;

    @Inject
    public ApiObjectMapper(ObjectMapper base, Clock clock) {
        SimpleModule rules = new SimpleModule("tingfeng-api-input");
        rules.addDeserializer(String.class, new CleanString());
        rules.addDeserializer(Instant.class, new BoundedInstant(clock));
        this.mapper = base.copy().registerModule(rules);
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return mapper;
    }

    /** The first control character of {@code s} other than tab, LF, CR, or -1. */
    public static int controlAt(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                return i;
            }
        }
        return -1;
    }

    static final class CleanString extends JsonDeserializer<String> {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING) && !p.currentToken().isScalarValue()) {
                return (String) ctxt.handleUnexpectedToken(String.class, p);
            }
            String s = p.getValueAsString();
            if (s != null && controlAt(s) >= 0) {
                throw ctxt.weirdStringException(s, String.class, REFUSED + "不能包含控制字符（如 NUL）");
            }
            return s;
        }
    }

    static final class BoundedInstant extends JsonDeserializer<Instant> {
        private final Clock clock;

        BoundedInstant(Clock clock) {
            this.clock = clock;
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                throw ctxt.weirdStringException(p.getText(), Instant.class,
                        REFUSED + "时间须写成 ISO-8601 字符串，例如 2026-03-01T08:00:00+08:00");
            }
            String text = p.getText().strip();
            Instant value;
            try {
                value = OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                try {
                    value = Instant.parse(text);
                } catch (DateTimeParseException e2) {
                    throw ctxt.weirdStringException(text, Instant.class,
                            REFUSED + "时间格式不正确，应为 ISO-8601，例如 2026-03-01T08:00:00+08:00");
                }
            }
            Instant now = Instant.now(clock);
            if (value.isBefore(now.minus(PAST)) || value.isAfter(now.plus(FUTURE))) {
                throw ctxt.weirdStringException(text, Instant.class,
                        REFUSED + "时间超出合理范围（早于 30 年前或晚于 10 年后）");
            }
            return value;
        }
    }
}
