package cn.tingfeng.jurisdiction.classify;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class LearnedWeightRepository implements PanacheRepository<LearnedWeight> {
    public Optional<LearnedWeight> find(String term, String from, String to) {
        return find("term = ?1 and fromCategory = ?2 and toCategory = ?3", term, from, to).firstResultOptional();
    }

    public List<LearnedWeight> approved() {
        return list("status", LearnedWeight.APPROVED);
    }

    /** Records that an incident supports the weight; false when this incident was already counted. */
    public boolean addEvidence(LearnedWeight w, Long incidentId, Long correctionId) {
        long n = getEntityManager().createNativeQuery(
                        "select count(*) from learned_weight_evidence where weight_id = ?1 and incident_id = ?2")
                .setParameter(1, w.id).setParameter(2, incidentId).getSingleResult() instanceof Number c ? c.longValue() : 0;
        if (n > 0) return false;
        getEntityManager().createNativeQuery(
                        "insert into learned_weight_evidence (weight_id, incident_id, correction_id) values (?1, ?2, ?3)")
                .setParameter(1, w.id).setParameter(2, incidentId).setParameter(3, correctionId).executeUpdate();
        return true;
    }
}
