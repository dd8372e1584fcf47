package cn.tingfeng.jurisdiction.proposal;

import cn.tingfeng.security.CurrentUser;
import cn.tingfeng.shared.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The classifier's proposed assignment of an incident, and analysts' corrections of it. */
@Path("/api/incidents/{id}/proposal")
@Produces(MediaType.APPLICATION_JSON)
public class ProposalResource {
    @Inject
    ProposalService service;
    @Inject
    CurrentUser user;

    @GET
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN, Roles.LEADER, Roles.SUPERVISOR})
    public ProposalViews.ProposalView get(@PathParam("id") Long id) {
        return service.view(id);
    }

    @POST
    @Path("corrections")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ANALYST)
    public Response correct(@PathParam("id") Long id, @Valid @NotNull CorrectionRequest request) {
        return Response.status(201).entity(service.correct(id, request, user.username())).build();
    }
}
