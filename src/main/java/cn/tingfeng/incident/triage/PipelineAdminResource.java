package cn.tingfeng.incident.triage;

import cn.tingfeng.shared.ApiException;
import cn.tingfeng.shared.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** The monitoring queue for administrators: depth, lag, parked posts, retry. */
@Path("/api/admin/pipeline")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class PipelineAdminResource {
    @Inject
    PipelineStatus status;

    @GET
    public PipelineStatus.View get() {
        return status.view();
    }

    /** Puts every parked post back into the queue. */
    @POST
    @Path("parked/retry")
    public Map<String, Integer> retryAll() {
        return Map.of("requeued", status.retry(null));
    }

    /** Puts one parked queue row back (its id as listed in {@code parkedPosts}). */
    @POST
    @Path("parked/{id}/retry")
    public Map<String, Integer> retry(@PathParam("id") long id) {
        int n = status.retry(id);
        if (n == 0) {
            throw ApiException.notFound("搁置的待处理信息");
        }
        return Map.of("requeued", n);
    }
}
