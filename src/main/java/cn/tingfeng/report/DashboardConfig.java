package cn.tingfeng.report;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The leaders' dashboard, prefix {@code tingfeng.dashboard} (docs/reports.md). */
@ConfigMapping(prefix = "tingfeng.dashboard")
public interface DashboardConfig {
    /** A computed dashboard is kept this long per query (many leaders and the 大屏 ask the same); 0 = always computed. */
    @WithDefault("15s")
    Duration cache();

    /** The 大屏 fetches its data again after this long (at least 5 s). */
    @WithDefault("60s")
    Duration screenRefresh();

    /** At most this many rows in the overdue list. */
    @WithDefault("50")
    int overdueList();
}
