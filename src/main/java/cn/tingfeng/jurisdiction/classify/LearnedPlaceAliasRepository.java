package cn.tingfeng.jurisdiction.classify;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class LearnedPlaceAliasRepository implements PanacheRepository<LearnedPlaceAlias> {
    public Optional<LearnedPlaceAlias> find(String name, String territory) {
        return find("name = ?1 and territory = ?2", name, territory).firstResultOptional();
    }

    public List<LearnedPlaceAlias> approved() {
        return list("status", LearnedPlaceAlias.APPROVED);
    }

    /** Records that an incident supports the alias; false when this incident was already counted. */
    public boolean addEvidence(LearnedPlaceAlias a, Long incidentId, Long correctionId) {
        long n = getEntityManager().createNativeQuery(
                        "select count(*) from place_alias_evidence where alias_id = ?1 and incident_id = ?2")
                .setParameter(1, a.id).setParameter(2, incidentId).getSingleResult() instanceof Number c ? c.longValue() : 0;
        if (n > 0) return false;
        getEntityManager().createNativeQuery(
                        "insert into place_alias_evidence (alias_id, incident_id, correction_id) values (?1, ?2, ?3)")
                .setParameter(1, a.id).setParameter(2, incidentId).setParameter(3, correctionId).executeUpdate();
        return true;
    }
}
