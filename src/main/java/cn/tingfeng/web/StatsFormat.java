package cn.tingfeng.web;

import io.quarkus.qute.TemplateExtension;

/** Formatting of statistics in templates: {@code {stat:pct(rate)}}, {@code {stat:hours(seconds)}}. */
@TemplateExtension(namespace = "stat")
public class StatsFormat {
    private StatsFormat() {
    }

    /** 75.0 → "75.00%", null → "—". */
    static String pct(Double percent) {
        return percent == null ? "—" : String.format("%.2f%%", percent);
    }

    /** Seconds as hours with one decimal ("3.9 小时"), null → "—". */
    static String hours(Double seconds) {
        return seconds == null ? "—" : String.format("%.1f 小时", seconds / 3600.0);
    }
}
