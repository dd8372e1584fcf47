package cn.tingfeng.audit;

import cn.tingfeng.shared.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Verification of the tamper-evident log, and an on-demand signed checkpoint. */
@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {
    public record CheckpointView(boolean written, Long seq, String headHash, String keyId) {
    }

    @Inject
    AuditService audit;

    @GET
    @Path("/verify")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    public AuditService.Verification verify() {
        return audit.verify();
    }

    @POST
    @Path("/checkpoints")
    @RolesAllowed(Roles.ADMIN)
    public CheckpointView checkpoint() {
        return audit.checkpoint().map(c -> new CheckpointView(true, c.seq(), c.headHash(), c.keyId()))
                .orElse(new CheckpointView(false, null, null, null));
    }
}
