package cn.tingfeng.watch.plan;

import cn.tingfeng.security.CurrentUser;
import cn.tingfeng.shared.ApiException;
import cn.tingfeng.shared.Roles;
import cn.tingfeng.watch.Rule;
import cn.tingfeng.watch.RuleSyntaxException;
import cn.tingfeng.watch.match.MatcherRegistry;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** Monitoring plans: create, list, change (a new rule version), the rule editor's check and preview. */
@Path("/api/plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ANALYST, Roles.ADMIN})
public class PlanResource {
    public record PlanRequest(@NotBlank @Size(max = 200) String name, @Size(max = 20_000) String rule,
            @Valid RuleSpec.Slots slots, List<@Size(max = 100) String> sources, List<@Size(max = 32) String> platforms,
            Boolean enabled) {
    }

    public record PlanUpdate(@Size(max = 200) String name, @Size(max = 20_000) String rule, @Valid RuleSpec.Slots slots,
            List<@Size(max = 100) String> sources, List<@Size(max = 32) String> platforms, Boolean enabled) {
    }

    public record CheckRequest(@Size(max = 20_000) String rule, @Valid RuleSpec.Slots slots) {
    }

    public record PreviewRequest(@Size(max = 20_000) String rule, @Valid RuleSpec.Slots slots,
            @Min(1) @Max(90) Integer days) {
    }

    @Inject
    PlanEditor editor;
    @Inject
    CurrentUser user;

    @POST
    public Response create(@Valid @NotNull PlanRequest r) {
        PlanEditor.PlanView v = editor.create(new PlanService.PlanInput(r.name(), RuleSpec.of(r.rule(), r.slots()),
                r.sources(), r.platforms(), r.enabled()), user.username());
        return Response.status(201).entity(v).build();
    }

    @GET
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN, Roles.LEADER})
    public List<PlanEditor.PlanView> list() {
        return editor.list();
    }

    @PUT
    @Path("{id}")
    public PlanEditor.PlanView update(@PathParam("id") Long id, @Valid @NotNull PlanUpdate r) {
        RuleSpec rule = r.rule() == null && r.slots() == null ? null : RuleSpec.of(r.rule(), r.slots());
        return editor.update(id, new PlanService.PlanInput(r.name(), rule, r.sources(), r.platforms(), r.enabled()),
                user.username());
    }

    @POST
    @Path("check")
    public PlanEditor.CheckResult check(@Valid @NotNull CheckRequest r) {
        return editor.check(r.rule(), r.slots());
    }

    @POST
    @Path("preview")
    public PreviewService.Preview preview(@Valid @NotNull PreviewRequest r) {
        return editor.preview(r.rule(), r.slots(), r.days());
    }
}
