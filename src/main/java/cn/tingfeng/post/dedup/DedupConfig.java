package cn.tingfeng.post.dedup;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * De-duplication settings. The prefix is still {@code tingfeng.watch}, so the existing property
 * {@code tingfeng.watch.dedup-window} keeps working; it lives here so that {@code post} does not depend on {@code watch}.
 */
@ConfigMapping(prefix = "tingfeng.watch")
public interface DedupConfig {
    /** How far back near-duplicate candidates are kept in memory (rebuilt from stored signatures at first use). */
    @WithDefault("P7D")
    Duration dedupWindow();
}
