package cn.tingfeng.watch.plan;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class PlanRepository implements PanacheRepository<MonitoringPlan> {
    public Optional<MonitoringPlan> findByName(String name) {
        return find("name", name).firstResultOptional();
    }

    public Optional<PlanVersion> version(Long planId, int versionNo) {
        return getEntityManager().createQuery("from PlanVersion where planId = ?1 and versionNo = ?2", PlanVersion.class)
                .setParameter(1, planId).setParameter(2, versionNo).getResultStream().findFirst();
    }

    public List<PlanVersion> versions(Long planId) {
        return getEntityManager().createQuery("from PlanVersion where planId = ?1 order by versionNo", PlanVersion.class)
                .setParameter(1, planId).getResultList();
    }

    /** The current version of every enabled plan, with its plan. */
    public List<Object[]> enabledCurrent() {
        return getEntityManager().createQuery("select p, v from MonitoringPlan p, PlanVersion v where v.planId = p.id"
                + " and v.versionNo = p.currentVersion and p.enabled = true order by p.id", Object[].class).getResultList();
    }
}
