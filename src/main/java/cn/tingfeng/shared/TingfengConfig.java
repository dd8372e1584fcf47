package cn.tingfeng.shared;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Optional;

/** Core settings, prefix {@code tingfeng}. Features have their own mappings. */
@ConfigMapping(prefix = "tingfeng")
public interface TingfengConfig {
    /** Data directory (env TINGFENG_DATA_DIR): embedded database, checkpoints, drop folders. */
    @WithDefault("./data")
    Path dataDir();

    /** Initial password of user {@code admin} (env TINGFENG_ADMIN_PASSWORD); random and logged once when absent. */
    Optional<String> adminPassword();

    /** Create one demo account per role (the {@code demo} profile only). */
    @WithDefault("false")
    boolean demoAccounts();

    /** Load the demo's sample plan and invented posts (the {@code demo} profile only). */
    @WithDefault("false")
    boolean demoData();
}
