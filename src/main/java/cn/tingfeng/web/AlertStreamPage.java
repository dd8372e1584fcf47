package cn.tingfeng.web;

import cn.tingfeng.incident.triage.AlertFeed;
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

/** The live stream of the 预警队列 page (its {@code EventSource}, with the page's session): as /api/alerts/stream. */
@Path("/app/alerts/stream")
public class AlertStreamPage {
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
