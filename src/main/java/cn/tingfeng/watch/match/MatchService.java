package cn.tingfeng.watch.match;

import cn.tingfeng.watch.Evidence;
import cn.tingfeng.watch.PlanMatch;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;

/** Matches a post against every enabled plan and stores each match with its evidence and the plan version. */
@ApplicationScoped
public class MatchService {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_EVIDENCE = 200;

    @Inject
    MatcherRegistry registry;
    @Inject
    PostMatchRepository matches;
    @Inject
    Clock clock;

    /** Rebuilds the live matcher when a plan changed (on any node) since it was built. */
    public void refreshPlans() {
        registry.refreshIfChanged();
    }

    /** Pure, any thread: the plans a post matches. */
    public List<PlanMatch> match(String title, String body, String sourceKey, String platform) {
        return registry.current().match(title, body, sourceKey, platform);
    }

    /** Stores the matches of a batch (post id → matches), skipping those already stored; one query to know which. */
    public void store(java.util.Map<Long, List<PlanMatch>> found) {
        List<Long> ids = found.entrySet().stream().filter(e -> !e.getValue().isEmpty()).map(java.util.Map.Entry::getKey).toList();
        if (ids.isEmpty()) {
            return;
        }
        java.util.Set<String> known = new java.util.HashSet<>();
        for (Object[] r : matches.getEntityManager().createQuery("select m.postId, m.planId, m.planVersion from PostMatchRecord m"
                + " where m.postId in ?1", Object[].class).setParameter(1, ids).getResultList()) {
            known.add(r[0] + "/" + r[1] + "/" + r[2]);
        }
        java.time.Instant now = clock.instant();
        for (Long postId : ids) {
            for (PlanMatch m : found.get(postId)) {
                Long planId = Long.valueOf(m.planId());
                if (!known.add(postId + "/" + planId + "/" + m.version())) {
                    continue;
                }
                PostMatchRecord r = new PostMatchRecord();
                r.postId = postId;
                r.planId = planId;
                r.planVersion = m.version();
                r.evidence = evidenceJson(m.evidence());
                r.matchedAt = now;
                matches.persist(r);
            }
        }
    }

    static String evidenceJson(List<Evidence> evidence) {
        try {
            String s = JSON.writeValueAsString(evidence.subList(0, Math.min(MAX_EVIDENCE, evidence.size())));
            return s.length() <= 20_000 ? s : JSON.writeValueAsString(evidence.subList(0, Math.min(20, evidence.size())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
