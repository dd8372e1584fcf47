package cn.tingfeng.tracking;

import cn.tingfeng.incident.Incident;
import cn.tingfeng.incident.IncidentRepository;
import cn.tingfeng.shared.ApiException;
import cn.tingfeng.shared.Grade;
import cn.tingfeng.shared.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;

/** Incidents as the response tracker sees them: created by an analyst, assigned to units, read with their clocks. */
@Path("/api/incidents")
@Produces(MediaType.APPLICATION_JSON)
public class IncidentResource {
    public record NewIncident(@NotBlank @Size(max = 500) String title, @Size(max = 10_000) String summary,
                              @NotNull @Pattern(regexp = "I|II|III|IV", message = "须为 I、II、III 或 IV") String grade,
                              @NotNull Instant startedAt, @Size(max = 100) String territory, List<Long> postIds) {
    }

    public record NewAssignment(@NotNull Long unitId, @NotNull @Pattern(regexp = "lead|co", message = "须为 lead 或 co") String role) {
    }

    public record StartAdjustment(@NotNull Instant startedAt, @NotBlank @Size(max = 2000) String reason) {
    }

    public record AssignmentCreated(Long id, Long incidentId, Long unitId, String role, String status, String policyVersion) {
    }

    @Inject
    IncidentIntake intake;
    @Inject
    AssignmentService assignments;
    @Inject
    IncidentRepository incidents;
    @Inject
    TrackingViews views;
    @Inject
    Workflow workflow;

    @POST
    @RolesAllowed(Roles.ANALYST)
    @Transactional
    public Response create(@Valid @NotNull NewIncident body) {
        Incident i = intake.create(body.title(), body.summary(), Grade.valueOf(body.grade()), body.startedAt(), body.territory(),
                body.postIds());
        return Response.status(201).entity(view(i.id)).build();
    }

    @POST
    @Path("/{id}/assignments")
    @RolesAllowed(Roles.ANALYST)
    public Response assign(@PathParam("id") Long id, @Valid @NotNull NewAssignment body) {
        Assignment a = assignments.assign(id, body.unitId(), "lead".equals(body.role()) ? AssignmentRole.LEAD : AssignmentRole.CO);
        return Response.status(201).entity(new AssignmentCreated(a.id, id, body.unitId(), a.role, a.status, a.policyVersion)).build();
    }

    @POST
    @Path("/{id}/start-adjustments")
    @RolesAllowed(Roles.ANALYST)
    @Transactional
    public TrackingViews.IncidentView adjustStart(@PathParam("id") Long id, @Valid @NotNull StartAdjustment body) {
        workflow.adjustStart(id, body.startedAt(), body.reason());
        return view(id);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ANALYST, Roles.LEADER, Roles.SUPERVISOR, Roles.ADMIN, Roles.DEPARTMENT})
    @Transactional
    public TrackingViews.IncidentView get(@PathParam("id") Long id) {
        return view(id);
    }

    @Transactional
    TrackingViews.IncidentView view(Long id) {
        return views.incident(id);
    }
}
