package cn.tingfeng.tracking;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class TrackingClockRepository implements PanacheRepository<TrackingClock> {
    public List<TrackingClock> ofAssignment(Long assignmentId) {
        return list("assignmentId = ?1 order by id", assignmentId);
    }

    /** Assignments with a clock due at {@code now}, by the index on next_action_at (earliest first). */
    public List<Long> dueAssignmentIds(Instant now, int limit) {
        return getEntityManager().createQuery("select c.assignmentId from TrackingClock c where c.nextActionAt <= :now "
                        + "order by c.nextActionAt", Long.class)
                .setParameter("now", now).setMaxResults(limit).getResultList();
    }
}
