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

    public record VersionView(int version, String kind, String rule, String createdBy, Instant createdAt) {
        static VersionView of(PlanVersion v) {
            return new VersionView(v.versionNo, v.ruleKind, v.ruleText, v.createdBy, v.createdAt);
        }
    }

    public record PlanView(Long id, String name, String owner, List<String> sources, List<String> platforms,
            boolean enabled, int currentVersion, List<VersionView> versions, Instant updatedAt) {
    }

    public record CheckRequest(@Size(max = 20_000) String rule, @Valid RuleSpec.Slots slots) {
    }

    public record CheckResult(boolean valid, List<RuleSyntaxException.RuleError> errors, String compiled) {
    }

    public record PreviewRequest(@Size(max = 20_000) String rule, @Valid RuleSpec.Slots slots,
            @Min(1) @Max(90) Integer days) {
    }

    @Inject
    PlanService service;
    @Inject
    PlanRepository plans;
    @Inject
    PreviewService previews;
    @Inject
    MatcherRegistry matchers;
    @Inject
    CurrentUser user;

    @POST
    public Response create(@Valid @NotNull PlanRequest r) {
        MonitoringPlan p = service.create(new PlanService.PlanInput(r.name(), RuleSpec.of(r.rule(), r.slots()),
                r.sources(), r.platforms(), r.enabled()), user.username());
        matchers.rebuild();
        return Response.status(201).entity(view(p.id)).build();
    }

    @GET
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN, Roles.LEADER})
    @Transactional
    public List<PlanView> list() {
        return plans.listAll(io.quarkus.panache.common.Sort.by("id")).stream().map(this::view).toList();
    }

    @PUT
    @Path("{id}")
    public PlanView update(@PathParam("id") Long id, @Valid @NotNull PlanUpdate r) {
        RuleSpec rule = r.rule() == null && r.slots() == null ? null : RuleSpec.of(r.rule(), r.slots());
        service.update(id, new PlanService.PlanInput(r.name(), rule, r.sources(), r.platforms(), r.enabled()),
                user.username());
        matchers.rebuild();
        return view(id);
    }

    @POST
    @Path("check")
    public CheckResult check(@Valid @NotNull CheckRequest r) {
        try {
            Rule rule = RuleSpec.of(r.rule(), r.slots()).compile();
            return new CheckResult(true, List.of(), rule.toString());
        } catch (RuleSyntaxException e) {
            return new CheckResult(false, List.of(e.toError()), null);
        }
    }

    @POST
    @Path("preview")
    public PreviewService.Preview preview(@Valid @NotNull PreviewRequest r) {
        Rule rule;
        try {
            rule = RuleSpec.of(r.rule(), r.slots()).compile();
        } catch (RuleSyntaxException e) {
            throw ApiException.badRequest("rule", e.getMessage());
        }
        return previews.preview(rule, r.days() == null ? 7 : r.days());
    }

    private PlanView view(Long id) {
        return view(plans.findById(id));
    }

    private PlanView view(MonitoringPlan p) {
        return new PlanView(p.id, p.name, p.owner, split(p.scopeSources), split(p.scopePlatforms), p.enabled,
                p.currentVersion, plans.versions(p.id).stream().map(VersionView::of).toList(), p.updatedAt);
    }

    private static List<String> split(String s) {
        return s == null ? List.of() : Arrays.asList(s.split(","));
    }
}
