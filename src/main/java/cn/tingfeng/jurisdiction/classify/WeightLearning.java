package cn.tingfeng.jurisdiction.classify;

import cn.tingfeng.jurisdiction.ResponsibilityClassifier;
import cn.tingfeng.jurisdiction.data.DutyFile;
import cn.tingfeng.jurisdiction.duty.CategoryScore;
import cn.tingfeng.jurisdiction.duty.DutyClassifier;
import cn.tingfeng.jurisdiction.duty.DutyResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pure rules of learning from corrections: which terms of a corrected text misled the classifier, how much
 * weight an approved term moves, and the adjustments that approved terms add to the lexicon.
 */
public final class WeightLearning {
    /** At most this many misleading terms are taken from one corrected text. */
    static final int MAX_TERMS = 5;

    private WeightLearning() {
    }

    /**
     * The duty words of the wrongly proposed category found in the text, strongest first, excluding the
     * department's own names (a text naming 教育局 is not evidence that 教育局 means something else).
     */
    public static List<String> misleadingTerms(ResponsibilityClassifier classifier, String title, String text, String wrongCategory) {
        DutyResult r = new DutyClassifier(classifier.lexicon()).classify(title, text, Map.of());
        DutyFile.Category c = classifier.lexicon().category(wrongCategory);
        String full = (title == null ? "" : title) + "\n" + (text == null ? "" : text);
        List<String> terms = new ArrayList<>();
        for (CategoryScore s : r.ranked()) {
            if (!s.category().equals(wrongCategory)) continue;
            for (String t : s.triggers()) {
                if (terms.size() == MAX_TERMS) break;
                if (!full.contains(t) || t.length() > 100) continue;
                if (c != null && (t.equals(c.dept()) || (c.names() != null && c.names().contains(t))
                        || t.equals(c.function() + "部门"))) continue;
                terms.add(t);
            }
        }
        return terms;
    }

    /** The weight a term moves after {@code evidence} corrected incidents. */
    public static double delta(int evidence, double step, double cap) {
        return Math.round(Math.min(cap, step * evidence) * 100) / 100.0;
    }

    /**
     * The lexicon adjustments of the approved weights: the corrected category +delta, the wrong one −delta; a new
     * word ({@link LearnedWeight#NEW_TERM}) only adds to the corrected category.
     */
    public static Map<String, Map<String, Double>> adjustments(List<LearnedWeight> approved, java.util.Set<String> knownCategories) {
        Map<String, Map<String, Double>> adj = new HashMap<>();
        for (LearnedWeight w : approved) {
            boolean fresh = LearnedWeight.NEW_TERM.equals(w.fromCategory);
            if (w.appliedDelta == null || !knownCategories.contains(w.toCategory) || (!fresh && !knownCategories.contains(w.fromCategory))) continue;
            adj.computeIfAbsent(w.toCategory, k -> new HashMap<>()).merge(w.term, w.appliedDelta, Double::sum);
            if (!fresh) adj.computeIfAbsent(w.fromCategory, k -> new HashMap<>()).merge(w.term, -w.appliedDelta, Double::sum);
        }
        return adj;
    }
}
