package cn.tingfeng.notify;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Optional;

/** Outgoing webhooks (alert routes and the tracker's group robots). Prefix {@code tingfeng.notify}. */
@ConfigMapping(prefix = "tingfeng.notify")
public interface NotifyConfig {
    /**
     * Internal destinations a robot webhook may use, which the SSRF guard otherwise refuses: {@code host},
     * {@code host:port}, {@code [v6]:port} (matched against the URL's host as written) or CIDR blocks
     * ({@code 10.20.0.0/16}, matched against the resolved address). Empty (the default): public addresses only.
     */
    Optional<List<String>> allowedHosts();
}
