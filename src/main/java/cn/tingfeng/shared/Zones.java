package cn.tingfeng.shared;

import java.time.DateTimeException;
import java.time.ZoneId;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The zone in which people read and type times ({@code tingfeng.display.zone}, default Asia/Shanghai): pages, exports,
 * search dates, the dashboard's clock, attachment folders. The per-feature zones ({@code tingfeng.alerts.zone},
 * {@code tingfeng.report.zone}) default to it in application.properties. Two things keep Beijing time whatever it is set
 * to, because they are defined in it: the State Council's work calendar ({@code WorkdayCalendar}) and the publication
 * times of Chinese pages without an offset ({@code tingfeng.crawler.zone}).
 */
public final class Zones {
    public static final String PROPERTY = "tingfeng.display.zone";
    public static final ZoneId DEFAULT = ZoneId.of("Asia/Shanghai");
    private static volatile ZoneId display;

    private Zones() {
    }

    /** The configured zone; the default when no configuration is reachable (plain unit tests) or the value is not a zone. */
    public static ZoneId display() {
        ZoneId z = display;
        if (z == null) {
            z = read();
            display = z;
        }
        return z;
    }

    static void set(ZoneId zone) {
        display = zone;
    }

    private static ZoneId read() {
        try {
            return ConfigProvider.getConfig().getOptionalValue(PROPERTY, String.class).map(ZoneId::of).orElse(DEFAULT);
        } catch (IllegalStateException | DateTimeException e) {
            return DEFAULT;
        }
    }
}
