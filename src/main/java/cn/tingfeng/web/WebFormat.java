package cn.tingfeng.web;

import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Template helpers: times in Beijing time. */
@TemplateExtension(namespace = "fmt")
public final class WebFormat {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZONE);

    private WebFormat() {
    }

    /** {@code {fmt:local(someInstant)}} → {@code 2026-03-01 08:00}, or a dash. */
    static String local(Instant instant) {
        return instant == null ? "—" : MINUTES.format(instant);
    }
}
