package cn.tingfeng.watch.match;

import cn.tingfeng.post.Post;
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

    /** Inside the caller's transaction. */
    public List<PlanMatch> matchAndStore(Post p) {
        String sourceKey = p.source == null ? null : p.source.key;
        List<PlanMatch> found = registry.current().match(p.title, p.body, sourceKey, p.platform);
        for (PlanMatch m : found) {
            Long planId = Long.valueOf(m.planId());
            if (matches.exists(p.id, planId, m.version())) {
                continue;
            }
            PostMatchRecord r = new PostMatchRecord();
            r.postId = p.id;
            r.planId = planId;
            r.planVersion = m.version();
            r.evidence = evidenceJson(m.evidence());
            r.matchedAt = clock.instant();
            matches.persist(r);
        }
        return found;
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
