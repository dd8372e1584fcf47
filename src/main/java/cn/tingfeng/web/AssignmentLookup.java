package cn.tingfeng.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;

/** Which incident an assignment belongs to (the incident page's forms act only on that incident's assignments). */
@ApplicationScoped
class AssignmentLookup {
    @Inject
    EntityManager em;

    @Transactional
    Long incidentOf(Long assignment) {
        List<?> r = em.createNativeQuery("select incident_id from assignment where id = ?1").setParameter(1, assignment).getResultList();
        return r.isEmpty() ? null : ((Number) r.get(0)).longValue();
    }
}
