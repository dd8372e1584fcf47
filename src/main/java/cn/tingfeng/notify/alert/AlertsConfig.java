package cn.tingfeng.notify.alert;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** Alerts: queue, routes, scheduled zero reports. Prefix {@code tingfeng.alerts}. */
@ConfigMapping(prefix = "tingfeng.alerts")
public interface AlertsConfig {
    /** Zone of quiet hours and report times. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /** Local times of the 定时零汇报, e.g. 09:00,17:00; empty: no zero reports. */
    @WithDefault("09:00,17:00")
    List<String> zeroReportTimes();

    /** A zero report is still sent this long after its time (e.g. after a restart); later it is skipped. */
    @WithDefault("PT1H")
    java.time.Duration zeroReportGrace();

    /** The jurisdiction named in reports. */
    @WithDefault("连云港市")
    String jurisdiction();

    /** Base of links to incidents in messages, e.g. https://tingfeng.example.cn/app/incidents/ (none: no link). */
    Optional<String> linkBase();

    /** Delivery attempts before a delivery is marked failed. */
    @WithDefault("5")
    int maxAttempts();

    /** How often deferred and retried deliveries and report times are checked ("off" disables the job). */
    @WithDefault("60s")
    String dispatchEvery();
}
