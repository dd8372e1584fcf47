package cn.tingfeng.notify.alert;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Where alerts go: an e-mail address or a 企业微信 / 钉钉 robot webhook, for one plan (or all when planId is null). */
@Entity
@Table(name = "alert_route")
public class AlertRoute {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "plan_id")
    public Long planId;

    /** EMAIL | WECOM | DINGTALK */
    @Column(nullable = false)
    public String channel;

    @Column(nullable = false, length = 2000)
    public String target;

    /** 钉钉 加签 secret; never returned by the API. */
    public String secret;

    @Column(name = "quiet_start")
    public String quietStart;

    @Column(name = "quiet_end")
    public String quietEnd;

    @Column(name = "major_bypasses_quiet", nullable = false)
    public boolean majorBypassesQuiet = true;

    @Column(name = "rate_max", nullable = false)
    public int rateMax = 20;

    @Column(name = "rate_window_seconds", nullable = false)
    public int rateWindowSeconds = 60;

    @Column(name = "zero_report", nullable = false)
    public boolean zeroReport = true;

    public boolean enabled = true;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
