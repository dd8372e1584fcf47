package cn.tingfeng.shared;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.ZoneId;

/**
 * How people read the product, prefix {@code tingfeng.display}. {@link Zones#display()} gives the zone to static
 * formatters; {@link Check} reads the mapping at startup, so that a value that is no zone stops the start with a message.
 */
@ConfigMapping(prefix = "tingfeng.display")
public interface DisplayConfig {
    /** The zone in which people read and type times. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /** Validates the mapping at startup and hands the zone to {@link Zones}. */
    @jakarta.enterprise.context.ApplicationScoped
    class Check {
        void onStart(@jakarta.enterprise.event.Observes io.quarkus.runtime.StartupEvent e, DisplayConfig config) {
            Zones.set(config.zone());
        }
    }
}
