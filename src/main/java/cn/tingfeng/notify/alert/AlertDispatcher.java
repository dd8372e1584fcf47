package cn.tingfeng.notify.alert;

import cn.tingfeng.notify.Alert;
import cn.tingfeng.notify.AlertGate;
import cn.tingfeng.notify.QuietHours;
import cn.tingfeng.notify.RateLimiter;
import cn.tingfeng.notify.Route;
import cn.tingfeng.notify.WebhookRefused;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Sends due deliveries through {@link AlertGate}: quiet hours defer to their end, the rate limit to the next free
 * slot, a failure retries with back-off up to the configured attempts. A delivery is claimed (status sending) in its
 * own transaction before anything goes out, and the unique keys of {@code alert_delivery} make a second delivery of
 * the same alert on the same route impossible: never twice, at the price of at-most-once after a crash mid-send.
 */
@ApplicationScoped
public class AlertDispatcher {
    private static final Logger LOG = Logger.getLogger(AlertDispatcher.class);

    @Inject
    AlertDeliveryRepository deliveries;
    @Inject
    AlertRepository alerts;
    @Inject
    AlertRouteRepository routes;
    @Inject
    AlertService alertService;
    @Inject
    Channels channels;
    @Inject
    Clock clock;
    @Inject
    AlertsConfig config;

    private AlertGate gate;

    @PostConstruct
    void init() {
        gate = new AlertGate(clock);
    }

    private record Claimed(Long deliveryId, Alert alert, AlertRoute route, String key) {
    }

    /** Sends every delivery that is due; returns how many went out. */
    public synchronized int dispatchDue() {
        Instant now = clock.instant();
        List<Long> due = QuarkusTransaction.requiringNew().call(() -> deliveries.getEntityManager().createQuery(
                "select d.id from AlertDelivery d where d.status in ('pending', 'deferred') and d.notBefore <= ?1"
                        + " order by d.id", Long.class).setParameter(1, now).getResultList());
        int sent = 0;
        for (Long id : due) {
            Claimed c = QuarkusTransaction.requiringNew().call(() -> claim(id));
            if (c == null) {
                continue;
            }
            try {
                channels.send(c.alert(), c.route());
                QuarkusTransaction.requiringNew().run(() -> {
                    AlertDelivery d = deliveries.findById(c.deliveryId());
                    d.status = AlertDelivery.SENT;
                    d.sentAt = clock.instant();
                    d.attempts++;
                });
                sent++;
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                gate.deliveryFailed(c.key());
                LOG.warnf("alert delivery %d over route %d failed: %s", c.deliveryId(), c.route().id, e.toString());
                QuarkusTransaction.requiringNew().run(() -> failed(c.deliveryId(), e));
            }
        }
        return sent;
    }

    private Claimed claim(Long id) {
        AlertDelivery d = deliveries.findById(id);
        if (d == null || !(AlertDelivery.PENDING.equals(d.status) || AlertDelivery.DEFERRED.equals(d.status))) {
            return null;
        }
        AlertRoute r = routes.findById(d.routeId);
        QueuedAlert q = alerts.findById(d.alertId);
        if (r == null || !r.enabled) {
            d.status = AlertDelivery.FAILED;
            d.lastError = "route disabled";
            return null;
        }
        Alert alert = alertService.toAlert(q);
        AlertGate.Decision decision = gate.admit(alert, route(r));
        switch (decision.outcome()) {
            case SEND -> {
                int claimed = deliveries.update("status = ?1 where id = ?2 and status in ('pending', 'deferred')",
                        AlertDelivery.SENDING, id);
                if (claimed != 1) {
                    gate.deliveryFailed(decision.key());
                    return null;
                }
                return new Claimed(id, alert, r, decision.key());
            }
            case DEFER_QUIET_HOURS, DEFER_RATE_LIMIT -> {
                d.status = AlertDelivery.DEFERRED;
                d.notBefore = decision.notBefore();
                d.lastError = decision.outcome().name();
                return null;
            }
            default -> {
                d.status = AlertDelivery.SENT;  // the gate saw it go out already
                return null;
            }
        }
    }

    private void failed(Long id, Exception e) {
        AlertDelivery d = deliveries.findById(id);
        d.attempts++;
        String msg = e.toString();
        if (e instanceof WebhookRefused) {
            msg = "目标地址被拒绝（未发送）：" + e.getMessage();
        }
        d.lastError = msg.length() > 1000 ? msg.substring(0, 1000) : msg;
        if (e instanceof WebhookRefused || d.attempts >= config.maxAttempts()) { // a refused target is final
            d.status = AlertDelivery.FAILED;
        } else {
            d.status = AlertDelivery.PENDING;
            d.notBefore = clock.instant().plus(Duration.ofMinutes(1L << Math.min(d.attempts, 6)));
        }
    }

    Route route(AlertRoute r) {
        QuietHours quiet = r.quietStart == null || r.quietEnd == null ? QuietHours.none(config.zone())
                : new QuietHours(LocalTime.parse(r.quietStart), LocalTime.parse(r.quietEnd), config.zone());
        return new Route(String.valueOf(r.id), Route.Channel.valueOf(r.channel), quiet,
                new RateLimiter.Limit(r.rateMax, Duration.ofSeconds(r.rateWindowSeconds)), r.majorBypassesQuiet);
    }
}
