package cn.tingfeng.web;

import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Template helpers: times in the configured zone ({@code tingfeng.zone}, Beijing time by default). */
@TemplateExtension(namespace = "fmt")
public final class WebFormat {
    static final ZoneId ZONE = cn.tingfeng.shared.Zones.display();
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZONE);

    private WebFormat() {
    }

    /**
     * An extracted local date-time in ISO form ({@code 2026-03-01T08:00}, already Beijing time) or a date alone, for
     * people: {@code 2026-03-01 08:00}; anything else unchanged.
     */
    static String isoLocal(String iso) {
        if (iso == null || iso.isBlank()) return null;
        try {
            return java.time.LocalDateTime.parse(iso).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        } catch (java.time.format.DateTimeParseException e) {
            try {
                return java.time.LocalDate.parse(iso).format(DateTimeFormatter.ofPattern("yyyy-MM-dd"));
            } catch (java.time.format.DateTimeParseException e2) {
                return iso;
            }
        }
    }

    /** {@code {fmt:zone}}: the zone id, for scripts that format times (data-zone). */
    static String zone() {
        return ZONE.getId();
    }

    /** {@code {fmt:local(someInstant)}} → {@code 2026-03-01 08:00}, or a dash. */
    static String local(Instant instant) {
        return instant == null ? "—" : MINUTES.format(instant);
    }
}
