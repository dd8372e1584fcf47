package cn.tingfeng.report.issue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * Which scheduled reports are due at a moment (pure): the daily report at its time, covering the previous day; the
 * weekly report on its day and time, covering the previous Monday–Sunday; the zero report at each 定时零汇报 time,
 * covering the time since the previous one (the slots of ZeroReportService). A slot is due from its time until
 * {@code grace} later; its key names it, so that the store issues it once.
 */
public final class ReportSchedule {
    public record Due(ReportType type, String slotKey, LocalDate from, LocalDate to, Instant start, Instant end) {
    }

    public record Times(ZoneId zone, LocalTime dailyAt, DayOfWeek weeklyDay, LocalTime weeklyAt, List<LocalTime> zeroTimes,
                        Duration grace) {
    }

    private ReportSchedule() {
    }

    public static List<Due> due(Instant now, Times t) {
        List<Due> out = new ArrayList<>();
        ZonedDateTime local = now.atZone(t.zone());
        LocalDate today = local.toLocalDate();
        ZonedDateTime daily = today.atTime(t.dailyAt()).atZone(t.zone());
        if (within(now, daily, t.grace())) {
            LocalDate d = today.minusDays(1);
            out.add(new Due(ReportType.DAILY, "daily:" + today, d, d, d.atStartOfDay(t.zone()).toInstant(),
                    today.atStartOfDay(t.zone()).toInstant()));
        }
        if (today.getDayOfWeek() == t.weeklyDay()) {
            ZonedDateTime weekly = today.atTime(t.weeklyAt()).atZone(t.zone());
            if (within(now, weekly, t.grace())) {
                LocalDate to = today.with(TemporalAdjusters.previous(DayOfWeek.SUNDAY));
                LocalDate from = to.minusDays(6);
                out.add(new Due(ReportType.WEEKLY, "weekly:" + today, from, to, from.atStartOfDay(t.zone()).toInstant(),
                        to.plusDays(1).atStartOfDay(t.zone()).toInstant()));
            }
        }
        List<LocalTime> times = t.zeroTimes().stream().sorted().toList();
        if (!times.isEmpty()) {
            List<ZonedDateTime> slots = new ArrayList<>();
            for (int day = -2; day <= 0; day++) {
                for (LocalTime time : times) slots.add(today.plusDays(day).atTime(time).atZone(t.zone()));
            }
            for (int i = slots.size() - 1; i > 0; i--) {
                if (!slots.get(i).isAfter(local)) {
                    if (within(now, slots.get(i), t.grace())) {
                        Instant end = slots.get(i).toInstant();
                        out.add(new Due(ReportType.ZERO, "zero:" + end, null, null, slots.get(i - 1).toInstant(), end));
                    }
                    break;
                }
            }
        }
        return out;
    }

    private static boolean within(Instant now, ZonedDateTime slot, Duration grace) {
        return !now.isBefore(slot.toInstant()) && now.isBefore(slot.toInstant().plus(grace));
    }
}
