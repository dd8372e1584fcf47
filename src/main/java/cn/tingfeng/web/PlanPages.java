package cn.tingfeng.web;

import cn.tingfeng.security.CurrentUser;
import cn.tingfeng.shared.ApiException;
import cn.tingfeng.shared.Roles;
import cn.tingfeng.watch.RuleSyntaxException;
import cn.tingfeng.watch.SlotRule;
import cn.tingfeng.watch.plan.PlanEditor;
import cn.tingfeng.watch.plan.PlanService;
import cn.tingfeng.watch.plan.PlanVersion;
import cn.tingfeng.watch.plan.PreviewService;
import cn.tingfeng.watch.plan.RuleSpec;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/** 监测方案: the plan list and the rule editor (live check and preview through {@link PlanEditor}, as /api/plans). */
@Path("/app/plans")
@Produces(MediaType.TEXT_HTML)
public class PlanPages {
    /** The editor's rule draft, as the page's script sends it. */
    public record Draft(@Size(max = 20_000) String rule, @Valid RuleSpec.Slots slots, @Min(1) @Max(90) Integer days) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<PlanEditor.PlanView> plans, boolean canEdit);

        static native TemplateInstance edit(PlanForm form, List<VersionRow> versions, boolean readOnly,
                String error);
    }

    @Inject
    PlanEditor editor;
    @Inject
    CurrentUser user;

    @GET
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN, Roles.LEADER})
    public TemplateInstance list() {
        return Templates.list(editor.list(), canEdit());
    }

    @GET
    @Path("new")
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    public TemplateInstance create() {
        return Templates.edit(PlanForm.empty(), List.of(), false, null);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN, Roles.LEADER})
    public TemplateInstance show(@PathParam("id") Long id) {
        PlanEditor.PlanView plan = editor.view(id);
        return Templates.edit(PlanForm.of(plan, editor.currentRule(id)), newestFirst(plan.versions()), !canEdit(), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    public Response save(@RestForm Long id, @RestForm String name, @RestForm String mode, @RestForm String rule,
            @RestForm String regions, @RestForm String subjects, @RestForm String events, @RestForm String exclusions,
            @RestForm String sources, @RestForm String platforms, @RestForm String enabled) {
        PlanForm form = new PlanForm(id, name, mode, rule, regions, subjects, events, exclusions, sources, platforms,
                enabled != null);
        try {
            if (name == null || name.isBlank()) {
                throw ApiException.badRequest("name", "请填写方案名称");
            }
            PlanService.PlanInput in = new PlanService.PlanInput(form.name(), form.ruleSpec(), PlanForm.list(sources),
                    PlanForm.list(platforms), form.enabled());
            PlanEditor.PlanView saved = id == null ? editor.create(in, user.username()) : editor.update(id, in, user.username());
            return Response.seeOther(URI.create("/app/plans/" + saved.id())).build();
        } catch (ApiException | RuleSyntaxException e) {
            List<VersionRow> versions = id == null ? List.of() : newestFirst(editor.view(id).versions());
            return Response.status(WebErrors.status(e)).entity(Templates.edit(form, versions, false, WebErrors.message(e))).build();
        }
    }

    /** The editor's live check: valid, or the error with its 1-based position and Chinese message. */
    @POST
    @Path("check")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    public PlanEditor.CheckResult check(@Valid @NotNull Draft d) {
        return editor.check(d.rule(), d.slots());
    }

    /** What the draft would match among the last days' posts; titles and snippets are escaped HTML with marks. */
    @POST
    @Path("preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    public PreviewService.Preview preview(@Valid @NotNull Draft d) {
        return editor.preview(d.rule(), d.slots(), d.days());
    }

    /** One line of the version history, the slot form written out in words. */
    public record VersionRow(int version, String kind, String rule, String createdBy, java.time.Instant createdAt) {
    }

    private static List<VersionRow> newestFirst(List<PlanEditor.VersionView> versions) {
        List<VersionRow> out = new java.util.ArrayList<>();
        for (PlanEditor.VersionView v : versions) {
            String text = v.rule();
            if (PlanVersion.SLOTS.equals(v.kind())) {
                SlotRule s = new RuleSpec(v.kind(), v.rule()).slots();
                text = "地区词：" + PlanForm.join(s.regions()) + "；主体词：" + PlanForm.join(s.subjects()) + "；事件词："
                        + PlanForm.join(s.events()) + "；排除词：" + PlanForm.join(s.exclusions());
            }
            out.add(0, new VersionRow(v.version(), PlanVersion.SLOTS.equals(v.kind()) ? "分槽" : "表达式", text,
                    v.createdBy(), v.createdAt()));
        }
        return out;
    }

    private boolean canEdit() {
        return user.has(Roles.ANALYST) || user.has(Roles.ADMIN);
    }

    /** The editor form's fields; word lists are written one per line or separated by 、，, */
    public record PlanForm(Long id, String name, String mode, String rule, String regions, String subjects, String events,
            String exclusions, String sources, String platforms, boolean enabled) {
        static PlanForm empty() {
            return new PlanForm(null, "", "expression", "", "", "", "", "", "", "", true);
        }

        static PlanForm of(PlanEditor.PlanView p, RuleSpec rule) {
            if (PlanVersion.SLOTS.equals(rule.kind())) {
                SlotRule s = rule.slots();
                return new PlanForm(p.id(), p.name(), "slots", "", join(s.regions()), join(s.subjects()), join(s.events()),
                        join(s.exclusions()), join(p.sources()), join(p.platforms()), p.enabled());
            }
            return new PlanForm(p.id(), p.name(), "expression", rule.text(), "", "", "", "", join(p.sources()),
                    join(p.platforms()), p.enabled());
        }

        public boolean slotMode() {
            return "slots".equals(mode);
        }

        RuleSpec ruleSpec() {
            return slotMode() ? RuleSpec.of(null, new RuleSpec.Slots(list(regions), list(subjects), list(events), list(exclusions)))
                    : RuleSpec.of(rule, null);
        }

        static List<String> list(String words) {
            if (words == null || words.isBlank()) {
                return List.of();
            }
            return java.util.Arrays.stream(words.split("[\\n\\r,，、;；]+")).map(String::strip).filter(w -> !w.isEmpty()).toList();
        }

        static String join(List<String> words) {
            return String.join("、", words);
        }
    }
}
