package cn.tingfeng.notify.alert;

import cn.tingfeng.security.CurrentUser;
import cn.tingfeng.shared.Paging;
import cn.tingfeng.shared.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The analyst's alert queue. */
@Path("/api/alerts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ANALYST, Roles.ADMIN})
public class AlertResource {
    @Inject
    AlertQueue queue;
    @Inject
    CurrentUser user;

    @GET
    public List<AlertQueue.AlertView> list(@QueryParam("unacked") @DefaultValue("false") boolean unacked,
            @QueryParam("incident") Long incidentId, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        Paging paging = Paging.of(page, size, 200);
        return queue.list(unacked, incidentId, paging.page(), paging.size());
    }

    @POST
    @Path("{id}/ack")
    public AlertQueue.AlertView ack(@PathParam("id") Long id) {
        return queue.ack(id, user.username());
    }
}
