package cn.tingfeng.notify.alert;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One alert on one route; unique on (alert, route) and on the delivery key, so it is sent at most once. */
@Entity
@Table(name = "alert_delivery")
public class AlertDelivery {
    public static final String PENDING = "pending";
    public static final String DEFERRED = "deferred";
    public static final String SENDING = "sending";
    public static final String SENT = "sent";
    public static final String FAILED = "failed";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "alert_id", nullable = false)
    public Long alertId;

    @Column(name = "route_id", nullable = false)
    public Long routeId;

    @Column(name = "delivery_key", nullable = false)
    public String deliveryKey;

    @Column(nullable = false)
    public String status = PENDING;

    @Column(name = "not_before", nullable = false)
    public Instant notBefore;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "last_error", length = 1000)
    public String lastError;

    @Column(name = "sent_at")
    public Instant sentAt;
}
