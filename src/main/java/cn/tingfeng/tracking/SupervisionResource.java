package cn.tingfeng.tracking;

import cn.tingfeng.audit.AuditLog;
import cn.tingfeng.audit.CanonicalJson;
import cn.tingfeng.security.CurrentUser;
import cn.tingfeng.shared.ApiException;
import cn.tingfeng.shared.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
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
import java.util.List;
import java.util.Map;

/** Supervision records (提醒 / 催办 / 督办 / 问责): the supervision office's list, and the recipient's acknowledgment. */
@Path("/api/supervision")
@Produces(MediaType.APPLICATION_JSON)
public class SupervisionResource {
    @Inject
    TrackingViews views;
    @Inject
    AssignmentRepository assignments;
    @Inject
    EntityManager em;
    @Inject
    CurrentUser user;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;

    @GET
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Transactional
    public List<TrackingViews.SupervisionView> list(@QueryParam("status") @DefaultValue("open") String status) {
        if (!status.equals("open") && !status.equals("all")) throw ApiException.badRequest("status", "须为 open 或 all");
        return views.supervisionRecords(status.equals("open"));
    }

    /** Acknowledged by the unit concerned (its department users) or by the supervision office. */
    @POST
    @Path("/{id}/ack")
    @RolesAllowed({Roles.DEPARTMENT, Roles.SUPERVISOR})
    @Transactional
    public TrackingViews.SupervisionView acknowledge(@PathParam("id") Long id) {
        SupervisionRecord r = em.find(SupervisionRecord.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (r == null) throw ApiException.notFound("督办记录");
        Assignment a = assignments.findById(r.assignmentId);
        if (!user.has(Roles.SUPERVISOR)) user.requireMemberOf(a.unit.id);
        if (r.acknowledgedAt != null) throw ApiException.conflict("该督办记录已签收");
        r.acknowledgedAt = CanonicalJson.micros(clock.instant());
        r.acknowledgedBy = user.username();
        audit.append(user.username(), "supervision.acknowledged", "assignment", a.id,
                Map.of("recordId", r.id, "step", r.step, "clock", r.clockKey));
        return TrackingViews.supervision(r, a);
    }
}
