package cn.tingfeng.watch.match;

import cn.tingfeng.watch.PlanMatch;
import cn.tingfeng.watch.PlanMatcher;
import cn.tingfeng.watch.PlanRule;
import cn.tingfeng.watch.plan.MonitoringPlan;
import cn.tingfeng.watch.plan.PlanRepository;
import cn.tingfeng.watch.plan.PlanVersion;
import cn.tingfeng.watch.plan.RuleSpec;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * One compiled {@link PlanMatcher} over the current version of every enabled plan. Rebuilt from the database when a
 * plan changes and swapped in atomically: a post being matched sees either the old or the new set, never a mix.
 */
@ApplicationScoped
public class MatcherRegistry {
    private static final Logger LOG = Logger.getLogger(MatcherRegistry.class);

    /** The compiled plans and their scopes (plan id as string → scope). */
    public record Compiled(PlanMatcher matcher, Map<String, PlanScope> scopes) {
        public List<PlanMatch> match(String title, String text, String sourceKey, String platform) {
            List<PlanMatch> out = new ArrayList<>();
            for (PlanMatch m : matcher.match(title, text)) {
                PlanScope s = scopes.get(m.planId());
                if (s == null || s.admits(sourceKey, platform)) {
                    out.add(m);
                }
            }
            return out;
        }
    }

    @Inject
    PlanRepository plans;

    private final AtomicReference<Compiled> current = new AtomicReference<>();
    private volatile String stamp;

    /**
     * Rebuilds when a plan changed on any node (count and last change of the plans differ from the last build), so
     * every instance matches with the plans as saved. One cheap query; in the caller's transaction.
     */
    public Compiled refreshIfChanged() {
        String now = stamp();
        if (current.get() == null || !now.equals(stamp)) {
            return rebuild();
        }
        return current.get();
    }

    private String stamp() {
        Object[] r = plans.getEntityManager().createQuery("select count(p), max(p.updatedAt) from MonitoringPlan p",
                Object[].class).getSingleResult();
        return r[0] + "/" + r[1];
    }

    public Compiled current() {
        Compiled c = current.get();
        return c != null ? c : rebuild();
    }

    /** Reads the enabled plans (in a transaction of its own) and swaps the new matcher in. */
    public synchronized Compiled rebuild() {
        List<PlanRule> rules = new ArrayList<>();
        Map<String, PlanScope> scopes = new HashMap<>();
        QuarkusTransaction.requiringNew().run(() -> {
            stamp = stamp();
            for (Object[] row : plans.enabledCurrent()) {
                MonitoringPlan p = (MonitoringPlan) row[0];
                PlanVersion v = (PlanVersion) row[1];
                try {
                    rules.add(new PlanRule(String.valueOf(p.id), v.versionNo, RuleSpec.of(v).compile()));
                    scopes.put(String.valueOf(p.id), PlanScope.of(p.scopeSources, p.scopePlatforms));
                } catch (IllegalArgumentException e) {
                    LOG.warnf("plan %d version %d left out: %s", p.id, v.versionNo, e.getMessage());
                }
            }
        });
        Compiled c = new Compiled(PlanMatcher.compile(rules), Map.copyOf(scopes));
        current.set(c);
        return c;
    }
}
