package cn.tingfeng.notify;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** 定时零汇报: the scheduled report that goes out even when nothing new was found. */
public final class ZeroReport {

    public static final String NOTHING_FOUND = "本时段未发现新的涉我市负面舆情";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");

    private ZeroReport() {
    }

    /** E.g. "【定时零汇报】连云港市 2026年11月21日 08:00—12:00：本时段未发现新的涉我市负面舆情。" */
    public static String text(String jurisdiction, Instant from, Instant to, ZoneId zone) {
        ZonedDateTime f = from.atZone(zone);
        ZonedDateTime t = to.atZone(zone);
        String period = DAY.format(f) + "—" + (f.toLocalDate().equals(t.toLocalDate()) ? HOUR.format(t) : DAY.format(t));
        return "【定时零汇报】" + jurisdiction + " " + period + "：" + NOTHING_FOUND + "。";
    }

    /** The zero report as an alert, its period as the episode, so that each period is reported once. */
    public static Alert alert(String jurisdiction, Instant from, Instant to, ZoneId zone) {
        return new Alert(Alert.Kind.ZERO_REPORT, null, jurisdiction + " 定时零汇报", null, null,
                text(jurisdiction, from, to, zone), null, to, from + "/" + to);
    }
}
