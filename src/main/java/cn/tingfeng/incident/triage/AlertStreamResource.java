package cn.tingfeng.incident.triage;

import cn.tingfeng.shared.Roles;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

/**
 * {@code GET /api/alerts/stream} ({@code text/event-stream}, analysts and administrators, Basic or token): every new or
 * changed alert as an event {@code alert} with the queue row as JSON. The queue page reads the same stream at
 * {@code /app/alerts/stream} with its session.
 */
@Path("/api/alerts/stream")
public class AlertStreamResource {
    @Inject
    AlertFeed feed;

    @GET
    @io.smallrye.common.annotation.Blocking
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    public Multi<OutboundSseEvent> stream(@Context Sse sse) {
        return feed.events(sse);
    }
}
