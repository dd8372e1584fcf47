package cn.tingfeng.notify.alert;

import cn.tingfeng.shared.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** The analyst's alert queue, for {@code /api/alerts} and the web page {@code /app/alerts}. */
@ApplicationScoped
public class AlertQueue {
    public record AlertView(Long id, String kind, String kindLabel, Long incidentId, String title, String grade,
            String category, String summary, Instant createdAt, String ackedBy, Instant ackedAt,
            List<DeliveryView> deliveries) {
    }

    public record DeliveryView(Long routeId, String status, Instant notBefore, int attempts, Instant sentAt) {
    }

    @Inject
    AlertRepository alerts;
    @Inject
    AlertDeliveryRepository deliveries;
    @Inject
    Clock clock;

    /** Newest first; {@code size} is kept within 1..200. */
    @Transactional
    public List<AlertView> list(boolean unacked, Long incidentId, int page, int size) {
        String q = (unacked ? "ackedAt is null" : "1 = 1") + (incidentId == null ? "" : " and incidentId = ?1");
        var query = incidentId == null ? alerts.find(q + " order by id desc") : alerts.find(q + " order by id desc", incidentId);
        return query.page(Math.max(0, page), Math.min(Math.max(1, size), 200)).list().stream().map(this::view).toList();
    }

    @Transactional
    public long unackedCount() {
        return alerts.count("ackedAt is null");
    }

    /** Acknowledges once; a second ack keeps the first one's name and time. */
    @Transactional
    public AlertView ack(Long id, String actor) {
        QueuedAlert a = alerts.findByIdOptional(id).orElseThrow(() -> ApiException.notFound("提醒"));
        if (a.ackedAt == null) {
            a.ackedAt = clock.instant();
            a.ackedBy = actor;
        }
        return view(a);
    }

    /**
     * The incident was confirmed or dismissed: its open alerts are handled, acknowledged in the analyst's name (so the
     * queue no longer shows them as 未确认). Joins the caller's transaction; returns how many.
     */
    @Transactional
    public int ackForIncident(Long incidentId, String actor) {
        return alerts.update("ackedAt = ?1, ackedBy = ?2 where incidentId = ?3 and ackedAt is null", clock.instant(), actor,
                incidentId);
    }

    private AlertView view(QueuedAlert a) {
        List<DeliveryView> ds = deliveries.list("alertId = ?1 order by routeId", a.id).stream()
                .map(d -> new DeliveryView(d.routeId, d.status, d.notBefore, d.attempts, d.sentAt)).toList();
        return new AlertView(a.id, a.kind, cn.tingfeng.notify.Alert.Kind.valueOf(a.kind).label(), a.incidentId, a.title,
                a.grade, a.category, a.summary, a.createdAt, a.ackedBy, a.ackedAt, ds);
    }
}
