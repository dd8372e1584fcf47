package cn.tingfeng.watch.plan;

import cn.tingfeng.shared.ApiException;
import cn.tingfeng.watch.RuleSyntaxException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Creates plans and their rule versions: every rule or scope change writes a new version, nothing is overwritten. */
@ApplicationScoped
public class PlanService {
    public record PlanInput(String name, RuleSpec rule, List<String> sources, List<String> platforms, Boolean enabled) {
    }

    @Inject
    PlanRepository plans;
    @Inject
    Clock clock;
    @Inject
    cn.tingfeng.post.queue.PostQueue queue;
    @Inject
    cn.tingfeng.post.queue.PipelineConfig pipeline;

    @Transactional
    public MonitoringPlan create(PlanInput in, String actor) {
        compileOrReject(in.rule());
        if (plans.findByName(in.name()).isPresent()) {
            throw ApiException.conflict("已有同名监测方案：" + in.name());
        }
        Instant now = clock.instant();
        MonitoringPlan p = new MonitoringPlan();
        p.name = in.name();
        p.owner = actor;
        p.scopeSources = join(in.sources());
        p.scopePlatforms = join(in.platforms());
        p.enabled = in.enabled() == null || in.enabled();
        p.currentVersion = 1;
        p.createdAt = now;
        p.updatedAt = now;
        plans.persist(p);
        addVersion(p, in.rule(), actor, now);
        backfill(p, now);
        return p;
    }

    /** Changes a plan; a changed rule becomes a new version (the old one stays, earlier matches keep pointing at it). */
    @Transactional
    public MonitoringPlan update(Long id, PlanInput in, String actor) {
        MonitoringPlan p = plans.findByIdOptional(id).orElseThrow(() -> ApiException.notFound("监测方案"));
        Instant now = clock.instant();
        if (in.name() != null && !in.name().equals(p.name)) {
            if (plans.findByName(in.name()).isPresent()) {
                throw ApiException.conflict("已有同名监测方案：" + in.name());
            }
            p.name = in.name();
        }
        if (in.sources() != null) {
            p.scopeSources = join(in.sources());
        }
        if (in.platforms() != null) {
            p.scopePlatforms = join(in.platforms());
        }
        boolean enabledNow = in.enabled() != null && in.enabled() && !p.enabled;
        int versionBefore = p.currentVersion;
        if (in.enabled() != null) {
            p.enabled = in.enabled();
        }
        if (in.rule() != null) {
            compileOrReject(in.rule());
            PlanVersion current = plans.version(p.id, p.currentVersion).orElseThrow();
            if (!Objects.equals(current.ruleKind, in.rule().kind()) || !Objects.equals(current.ruleText, in.rule().text())) {
                p.currentVersion++;
                addVersion(p, in.rule(), actor, now);
            }
        }
        p.updatedAt = now;
        if (enabledNow || p.currentVersion != versionBefore) {
            backfill(p, now);
        }
        return p;
    }

    /** A new plan, a new version or a plan switched on looks at the posts of the last days too (same queue). */
    private void backfill(MonitoringPlan p, Instant now) {
        if (p.enabled && !pipeline.backfill().isZero()) {
            queue.enqueueSince(now.minus(pipeline.backfill()), "backfill");
        }
    }

    private void addVersion(MonitoringPlan p, RuleSpec rule, String actor, Instant now) {
        PlanVersion v = new PlanVersion();
        v.planId = p.id;
        v.versionNo = p.currentVersion;
        v.ruleKind = rule.kind();
        v.ruleText = rule.text();
        v.createdBy = actor;
        v.createdAt = now;
        plans.getEntityManager().persist(v);
    }

    static void compileOrReject(RuleSpec rule) {
        try {
            rule.compile();
        } catch (RuleSyntaxException e) {
            throw ApiException.badRequest("rule", e.getMessage());
        }
    }

    private static String join(List<String> values) {
        if (values == null) {
            return null;
        }
        String s = String.join(",", values.stream().map(String::strip).filter(v -> !v.isEmpty()).toList());
        return s.isEmpty() ? null : s;
    }
}
