package cn.tingfeng.jurisdiction.classify;

import cn.tingfeng.shared.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Place aliases learned from territory corrections: proposed by the correction, decided by an administrator,
 * resolved by the gazetteer only when approved.
 */
@ApplicationScoped
public class PlaceAliases {
    @Inject
    LearnedPlaceAliasRepository aliases;
    @Inject
    Classifiers classifiers;
    @Inject
    Clock clock;

    /**
     * Records the evidence of one territory correction: the place names of the post the gazetteer does not know
     * become proposed aliases of {@code territory}. Returns the names counted.
     */
    @Transactional
    public List<String> learn(Long incidentId, Long correctionId, String title, String text, String jurisdiction, String territory) {
        if (territory == null || jurisdiction == null) return List.of();
        List<String> names = CorrectionLearning.unknownPlaces(classifiers.classifier().gazetteer(), title, text);
        Instant now = clock.instant();
        for (String name : names) {
            LearnedPlaceAlias a = aliases.find(name, territory).orElseGet(() -> {
                LearnedPlaceAlias n = new LearnedPlaceAlias();
                n.name = name;
                n.jurisdiction = jurisdiction;
                n.territory = territory;
                n.createdAt = now;
                n.updatedAt = now;
                aliases.persist(n);
                return n;
            });
            if (aliases.addEvidence(a, incidentId, correctionId)) {
                a.evidence++;
                a.updatedAt = now;
            }
        }
        return names;
    }

    public List<LearnedPlaceAlias> list() {
        return aliases.list("order by status desc, evidence desc, id");
    }

    /** Approves (the gazetteer resolves the name from now on) or rejects a proposed alias. */
    public LearnedPlaceAlias decide(Long id, boolean approve, String by) {
        LearnedPlaceAlias a = store(id, approve, by);
        classifiers.refreshWeights();
        return a;
    }

    @Transactional
    LearnedPlaceAlias store(Long id, boolean approve, String by) {
        LearnedPlaceAlias a = aliases.findByIdOptional(id).orElseThrow(() -> ApiException.notFound("地名别名 " + id));
        a.status = approve ? LearnedPlaceAlias.APPROVED : LearnedPlaceAlias.REJECTED;
        a.reviewedBy = by;
        a.reviewedAt = clock.instant();
        a.updatedAt = a.reviewedAt;
        return a;
    }
}
