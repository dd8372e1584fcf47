package cn.tingfeng.incident.triage;

import cn.tingfeng.shared.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/**
 * Test only: a second resource class on the root /api/incidents, as the tracker's IncidentResource will be, to prove
 * that RESTEasy Reactive resolves methods of several classes sharing one root.
 */
@Path("/api/incidents")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ANALYST, Roles.ADMIN, Roles.LEADER, Roles.SUPERVISOR})
public class SameRootProbeResource {
    @GET
    @Path("{id}/same-root-probe")
    public Map<String, Long> probe(@PathParam("id") Long id) {
        return Map.of("probe", id);
    }
}
