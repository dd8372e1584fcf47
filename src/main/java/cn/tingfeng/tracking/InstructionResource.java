package cn.tingfeng.tracking;

import cn.tingfeng.shared.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;

/** 领导批示: a leader issues an instruction on an incident; the lead unit completes it. */
@Path("/api/instructions")
@Produces(MediaType.APPLICATION_JSON)
public class InstructionResource {
    public record NewInstruction(@NotNull Long incidentId, @NotBlank @Size(max = 4000) String text, Instant dueAt) {
    }

    public record Completion(@Size(max = 4000) String note) {
    }

    @Inject
    Workflow workflow;

    @POST
    @RolesAllowed(Roles.LEADER)
    public Response issue(@Valid @NotNull NewInstruction body) {
        return Response.status(201).entity(TrackingViews.instruction(workflow.issueInstruction(body.incidentId(), body.text(),
                body.dueAt()))).build();
    }

    @POST
    @Path("/{id}/complete")
    @RolesAllowed(Roles.DEPARTMENT)
    public TrackingViews.InstructionView complete(@PathParam("id") Long id, @Valid Completion body) {
        return TrackingViews.instruction(workflow.completeInstruction(id, body == null ? null : body.note()));
    }
}
