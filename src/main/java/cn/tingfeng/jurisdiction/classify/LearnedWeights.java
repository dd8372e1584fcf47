package cn.tingfeng.jurisdiction.classify;

import cn.tingfeng.jurisdiction.JurisdictionConfig;
import cn.tingfeng.shared.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Learned term weights: gathered from analysts' corrections (pending), decided by an administrator, applied to
 * the classifier only when approved.
 */
@ApplicationScoped
public class LearnedWeights {
    @Inject
    LearnedWeightRepository weights;
    @Inject
    Classifiers classifiers;
    @Inject
    JurisdictionConfig config;
    @Inject
    Clock clock;

    /**
     * Records the evidence of one correction of the lead: the terms that led the classifier to {@code wrongCategory}
     * (null when it proposed none) in a text an analyst assigned to {@code rightCategory}, and the words of the text
     * the lexicon does not know at all (new words for {@code rightCategory}). Returns the terms counted.
     */
    @Transactional
    public List<String> learn(Long incidentId, Long correctionId, String title, String text, String wrongCategory, String rightCategory) {
        if (rightCategory == null || rightCategory.equals(wrongCategory)) return List.of();
        List<String> learned = new java.util.ArrayList<>();
        if (wrongCategory != null)
            for (String term : WeightLearning.misleadingTerms(classifiers.state().base(), title, text, wrongCategory))
                learned.add(record(incidentId, correctionId, term, wrongCategory, rightCategory));
        for (String term : CorrectionLearning.newTerms(classifiers.classifier(), title, text))
            learned.add(record(incidentId, correctionId, term, LearnedWeight.NEW_TERM, rightCategory));
        return learned;
    }

    /** Counts one incident's support for "term: from → to" (once per incident); returns the term. */
    private String record(Long incidentId, Long correctionId, String term, String from, String to) {
        Instant now = clock.instant();
        LearnedWeight w = weights.find(term, from, to).orElseGet(() -> {
            LearnedWeight n = new LearnedWeight();
            n.term = term;
            n.fromCategory = from;
            n.toCategory = to;
            n.createdAt = now;
            n.updatedAt = now;
            weights.persist(n);
            return n;
        });
        if (weights.addEvidence(w, incidentId, correctionId)) {
            w.evidence++;
            w.updatedAt = now;
        }
        return term;
    }

    public double proposedDelta(LearnedWeight w) {
        return WeightLearning.delta(w.evidence, config.learningStep(), config.learningCap());
    }

    public List<LearnedWeight> list() {
        return weights.list("order by status desc, evidence desc, id");
    }

    /** Approves (applying the weight moved by its current evidence) or rejects a learned weight. */
    public LearnedWeight decide(Long id, boolean approve, String by) {
        LearnedWeight w = store(id, approve, by);
        classifiers.refreshWeights();
        return w;
    }

    @Transactional
    LearnedWeight store(Long id, boolean approve, String by) {
        LearnedWeight w = weights.findByIdOptional(id).orElseThrow(() -> ApiException.notFound("学习权重 " + id));
        w.status = approve ? LearnedWeight.APPROVED : LearnedWeight.REJECTED;
        w.appliedDelta = approve ? proposedDelta(w) : null;
        w.reviewedBy = by;
        w.reviewedAt = clock.instant();
        w.updatedAt = w.reviewedAt;
        return w;
    }
}
