package cn.tingfeng.tracking.sla;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/** Which policy version the assignments froze when their clocks started, with how many (open) and when. */
@ApplicationScoped
public class FrozenPolicies {
    /** One frozen version: assignments with it, how many still open, first and last assignment time. */
    public record FrozenVersion(String versionId, long assignments, long open, Instant first, Instant last) {
    }

    @Inject
    EntityManager em;

    @Transactional
    public List<FrozenVersion> versions() {
        List<Object[]> rows = em.createQuery("select a.policyVersion, count(a), "
                + "sum(case when a.status in ('closed', 'reassigned') then 0 else 1 end), min(a.assignedAt), max(a.assignedAt) "
                + "from Assignment a group by a.policyVersion order by max(a.assignedAt) desc", Object[].class).getResultList();
        return rows.stream().map(r -> new FrozenVersion((String) r[0], ((Number) r[1]).longValue(),
                r[2] == null ? 0 : ((Number) r[2]).longValue(), (Instant) r[3], (Instant) r[4])).toList();
    }
}
