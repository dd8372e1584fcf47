package cn.tingfeng.watch.plan;

import cn.tingfeng.shared.ApiException;
import cn.tingfeng.watch.Rule;
import cn.tingfeng.watch.RuleSyntaxException;
import cn.tingfeng.watch.match.MatcherRegistry;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * What the rule editor does, for the API ({@code /api/plans}) and the web UI ({@code /app/plans}) alike: check a rule
 * as it is typed, preview it on the last days' posts, save (a new version) and rebuild the live matcher, read plans.
 */
@ApplicationScoped
public class PlanEditor {
    public record VersionView(int version, String kind, String rule, String createdBy, Instant createdAt) {
        static VersionView of(PlanVersion v) {
            return new VersionView(v.versionNo, v.ruleKind, v.ruleText, v.createdBy, v.createdAt);
        }
    }

    public record PlanView(Long id, String name, String owner, List<String> sources, List<String> platforms,
            boolean enabled, int currentVersion, List<VersionView> versions, Instant updatedAt) {
    }

    public record CheckResult(boolean valid, List<RuleSyntaxException.RuleError> errors, String compiled) {
    }

    @Inject
    PlanService service;
    @Inject
    PlanRepository plans;
    @Inject
    PreviewService previews;
    @Inject
    MatcherRegistry matchers;

    /** Creates a plan (version 1) and puts it into the live matcher. */
    public PlanView create(PlanService.PlanInput in, String actor) {
        MonitoringPlan p = service.create(in, actor);
        matchers.rebuild();
        return view(p.id);
    }

    /** Changes a plan (a changed rule is a new version) and rebuilds the live matcher. */
    public PlanView update(Long id, PlanService.PlanInput in, String actor) {
        service.update(id, in, actor);
        matchers.rebuild();
        return view(id);
    }

    /** Never throws on a bad rule: the errors carry the 1-based position and the Chinese message. */
    public CheckResult check(String rule, RuleSpec.Slots slots) {
        try {
            Rule compiled = RuleSpec.of(rule, slots).compile();
            return new CheckResult(true, List.of(), compiled.toString());
        } catch (RuleSyntaxException e) {
            return new CheckResult(false, List.of(e.toError()), null);
        }
    }

    /** 400 naming {@code rule} when the rule does not compile. */
    public PreviewService.Preview preview(String rule, RuleSpec.Slots slots, Integer days) {
        Rule compiled;
        try {
            compiled = RuleSpec.of(rule, slots).compile();
        } catch (RuleSyntaxException e) {
            throw ApiException.badRequest("rule", e.getMessage());
        }
        return previews.preview(compiled, days == null ? 7 : days);
    }

    @Transactional
    public List<PlanView> list() {
        return plans.listAll(Sort.by("id")).stream().map(this::view).toList();
    }

    @Transactional
    public PlanView view(Long id) {
        return view(plans.findByIdOptional(id).orElseThrow(() -> ApiException.notFound("监测方案")));
    }

    /** The current version's rule of a plan, as stored. */
    @Transactional
    public RuleSpec currentRule(Long id) {
        MonitoringPlan p = plans.findByIdOptional(id).orElseThrow(() -> ApiException.notFound("监测方案"));
        return RuleSpec.of(plans.version(p.id, p.currentVersion).orElseThrow());
    }

    private PlanView view(MonitoringPlan p) {
        return new PlanView(p.id, p.name, p.owner, split(p.scopeSources), split(p.scopePlatforms), p.enabled,
                p.currentVersion, plans.versions(p.id).stream().map(VersionView::of).toList(), p.updatedAt);
    }

    private static List<String> split(String s) {
        return s == null ? List.of() : Arrays.asList(s.split(","));
    }
}
