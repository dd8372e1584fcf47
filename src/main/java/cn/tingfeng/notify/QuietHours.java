package cn.tingfeng.notify;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * A daily quiet period in a zone, e.g. 22:00–07:00 (may cross midnight; start inclusive, end exclusive).
 * Equal start and end mean no quiet period.
 */
public record QuietHours(LocalTime start, LocalTime end, ZoneId zone) {

    public static QuietHours none(ZoneId zone) {
        return new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, zone);
    }

    public boolean isQuiet(Instant at) {
        if (start.equals(end)) {
            return false;
        }
        LocalTime t = at.atZone(zone).toLocalTime();
        return start.isBefore(end) ? !t.isBefore(start) && t.isBefore(end) : !t.isBefore(start) || t.isBefore(end);
    }

    /** {@code at} itself when not quiet, else the end of the quiet period. */
    public Instant nextAllowed(Instant at) {
        if (!isQuiet(at)) {
            return at;
        }
        ZonedDateTime z = at.atZone(zone);
        ZonedDateTime endToday = z.with(end);
        return (endToday.isAfter(z) ? endToday : endToday.plusDays(1)).toInstant();
    }
}
