package cn.tingfeng.tracking.sweep;

import cn.tingfeng.shared.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Runs one SLA sweep now and reports what it did. */
@Path("/api/admin/sla")
@Produces(MediaType.APPLICATION_JSON)
public class SlaAdminResource {
    @Inject
    SweepService sweeps;

    @POST
    @Path("/sweep")
    @RolesAllowed(Roles.ADMIN)
    public SweepService.SweepReport sweep() {
        return sweeps.sweep();
    }
}
