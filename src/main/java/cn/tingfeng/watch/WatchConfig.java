package cn.tingfeng.watch;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Monitoring settings, prefix {@code tingfeng.watch}. */
@ConfigMapping(prefix = "tingfeng.watch")
public interface WatchConfig {
    /** How far back near-duplicate candidates are kept in memory (rebuilt from stored signatures at first use). */
    @WithDefault("P7D")
    Duration dedupWindow();
}
