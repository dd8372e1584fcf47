package cn.tingfeng.notify.alert;

import cn.tingfeng.security.CurrentUser;
import cn.tingfeng.shared.ApiException;
import cn.tingfeng.shared.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** The analyst's alert queue. */
@Path("/api/alerts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ANALYST, Roles.ADMIN})
public class AlertResource {
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
    CurrentUser user;
    @Inject
    Clock clock;

    @GET
    @Transactional
    public List<AlertView> list(@QueryParam("unacked") @DefaultValue("false") boolean unacked,
            @QueryParam("incident") Long incidentId, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        String q = (unacked ? "ackedAt is null" : "1 = 1") + (incidentId == null ? "" : " and incidentId = ?1");
        var query = incidentId == null ? alerts.find(q + " order by id desc") : alerts.find(q + " order by id desc", incidentId);
        return query.page(Math.max(0, page), Math.min(Math.max(1, size), 200)).list().stream().map(this::view).toList();
    }

    @POST
    @Path("{id}/ack")
    @Transactional
    public AlertView ack(@PathParam("id") Long id) {
        QueuedAlert a = alerts.findByIdOptional(id).orElseThrow(() -> ApiException.notFound("提醒"));
        if (a.ackedAt == null) {
            a.ackedAt = clock.instant();
            a.ackedBy = user.username();
        }
        return view(a);
    }

    private AlertView view(QueuedAlert a) {
        List<DeliveryView> ds = deliveries.list("alertId = ?1 order by routeId", a.id).stream()
                .map(d -> new DeliveryView(d.routeId, d.status, d.notBefore, d.attempts, d.sentAt)).toList();
        return new AlertView(a.id, a.kind, cn.tingfeng.notify.Alert.Kind.valueOf(a.kind).label(), a.incidentId, a.title,
                a.grade, a.category, a.summary, a.createdAt, a.ackedBy, a.ackedAt, ds);
    }
}
