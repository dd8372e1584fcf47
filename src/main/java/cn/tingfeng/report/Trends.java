package cn.tingfeng.report;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/** Rolls daily counts (computed in SQL) up into weeks (starting Monday) and months; every day of the range appears. */
public final class Trends {
    private Trends() {
    }

    public static Stats.Trends of(LocalDate from, LocalDate to, Map<LocalDate, Stats.Counts> daily) {
        return new Stats.Trends(bucket(from, to, daily, d -> d),
                bucket(from, to, daily, d -> d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))),
                bucket(from, to, daily, d -> d.withDayOfMonth(1)));
    }

    static List<Stats.TrendRow> bucket(LocalDate from, LocalDate to, Map<LocalDate, Stats.Counts> daily,
                                       UnaryOperator<LocalDate> start) {
        TreeMap<LocalDate, Stats.Counts> sums = new TreeMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            sums.merge(start.apply(d), daily.getOrDefault(d, Stats.Counts.ZERO), Stats.Counts::plus);
        }
        List<Stats.TrendRow> rows = new ArrayList<>();
        sums.forEach((d, c) -> rows.add(new Stats.TrendRow(d, c.figures())));
        return rows;
    }
}
