package cn.tingfeng.notify.alert;

import cn.tingfeng.notify.Alert;
import cn.tingfeng.notify.AlertKey;
import cn.tingfeng.shared.Grade;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Raises alerts: into the analyst queue at once (once per alert key) and as one pending delivery per route of the
 * plans concerned (routes without a plan get every alert; zero reports go to the routes that take them). The
 * {@link AlertDispatcher} sends the deliveries after the transaction.
 */
@ApplicationScoped
public class AlertService {
    static final String QUEUE = "queue";

    @Inject
    AlertRepository alerts;
    @Inject
    AlertRouteRepository routes;
    @Inject
    AlertDeliveryRepository deliveries;
    @Inject
    Clock clock;
    @Inject
    AlertsConfig config;

    /** Inside the caller's transaction; empty when the same alert was raised before. */
    @Transactional
    public Optional<QueuedAlert> raise(Alert alert, Collection<Long> planIds) {
        String key = AlertKey.of(alert, QUEUE);
        if (alerts.count("alertKey", key) > 0) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        QueuedAlert q = new QueuedAlert();
        q.kind = alert.kind().name();
        q.incidentId = alert.incidentId() == null ? null : Long.valueOf(alert.incidentId());
        q.title = cut(alert.title(), 1000);
        q.grade = alert.grade() == null ? null : alert.grade().name();
        q.category = alert.category();
        q.summary = cut(alert.summary(), 10_000);
        q.episode = alert.episode();
        q.alertKey = key;
        q.createdAt = now;
        alerts.persist(q);
        List<AlertRoute> targets = alert.kind() == Alert.Kind.ZERO_REPORT
                ? routes.list("enabled = true and zeroReport = true")
                : planIds.isEmpty() ? routes.list("enabled = true and planId is null")
                : routes.list("enabled = true and (planId is null or planId in ?1)", planIds);
        for (AlertRoute r : targets) {
            AlertDelivery d = new AlertDelivery();
            d.alertId = q.id;
            d.routeId = r.id;
            d.deliveryKey = AlertKey.of(alert, String.valueOf(r.id));
            d.status = AlertDelivery.PENDING;
            d.notBefore = now;
            deliveries.persist(d);
        }
        return Optional.of(q);
    }

    /** The alert as the pure notify classes see it. */
    public Alert toAlert(QueuedAlert q) {
        String link = q.incidentId == null ? null : config.linkBase().map(b -> b + q.incidentId).orElse(null);
        return new Alert(Alert.Kind.valueOf(q.kind), q.incidentId == null ? null : String.valueOf(q.incidentId), q.title,
                q.grade == null ? null : Grade.valueOf(q.grade), q.category, q.summary, link, q.createdAt, q.episode);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
