package cn.tingfeng.tracking;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Response tracker settings, prefix {@code tracking}. */
@ConfigMapping(prefix = "tracking")
public interface TrackingConfig {
    Sweep sweep();

    /** SLA policy YAML (format of the shipped {@code sla/default-policy.yaml}); absent = the shipped policy. */
    Optional<Path> policyFile();

    /** Administrator's calendar override (format of {@code calendar/holidays-cn.json}); default {@code <data-dir>/calendar/holidays-override.json}. */
    Optional<Path> calendarOverrideFile();

    @WithName("notify")
    Notify notifications();

    interface Sweep {
        /** How often the SLA sweep runs; {@code off} disables the scheduled sweep (tests call it directly). */
        @WithDefault("60s")
        String every();

        /** At most this many due clocks per sweep (the rest go to the next one). */
        @WithDefault("5000")
        int batchSize();
    }

    interface Notify {
        /** Base URL of the web application, for links in messages. */
        @WithDefault("http://localhost:8080")
        String baseUrl();

        /** Send e-mail (through quarkus-mailer) for supervision records. */
        @WithDefault("true")
        boolean mailEnabled();

        /** The analysts' (网信办) address. */
        Optional<String> analystEmail();

        /** 政府督查室. */
        Optional<String> supervisionOfficeEmail();

        /** 监察委员会. */
        Optional<String> supervisionCommissionEmail();

        /** Unit addresses, keyed by unit id or unit name. */
        Map<String, String> unitEmail();

        /** Addresses of the units' principal leaders, keyed by unit id or unit name. */
        Map<String, String> unitLeaderEmail();

        /** 企业微信 group robot webhook URL. */
        Optional<String> wecomUrl();

        /** 钉钉 group robot webhook URL (with access_token). */
        Optional<String> dingtalkUrl();

        /** 钉钉 signing secret (SEC…): adds timestamp and HmacSHA256 sign to the URL. */
        Optional<String> dingtalkSecret();
    }
}
