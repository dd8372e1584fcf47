package cn.tingfeng.search;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The search, prefix {@code tingfeng.search} (docs/search.md). */
@ConfigMapping(prefix = "tingfeng.search")
public interface SearchConfig {
    /** How often the backfill indexes posts stored before the index existed (a duration, or "off"). */
    @WithDefault("60s")
    String backfillEvery();
}
