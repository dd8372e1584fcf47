package cn.tingfeng.report;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.ZoneId;

/** Statistics settings, prefix {@code tingfeng.report} (docs/reports.md). */
@ConfigMapping(prefix = "tingfeng.report")
public interface ReportConfig {
    /** Dates of a query (from, to, trend buckets) are days in this zone. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /** A unit or county whose on-time (limit), feedback or completion rate is below this ratio is flagged. */
    @WithDefault("0.9")
    double floor();

    /** A rate is judged against the floor only when it counts at least this many items. */
    @WithDefault("2")
    int minCount();
}
