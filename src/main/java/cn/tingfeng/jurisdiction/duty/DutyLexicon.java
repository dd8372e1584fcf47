package cn.tingfeng.jurisdiction.duty;

import cn.tingfeng.jurisdiction.data.DutyFile;
import cn.tingfeng.jurisdiction.text.LongestMatcher;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Duty signal words per department category, compiled into one automaton. Base weights come from
 * {@code duties.yaml} (+ a jurisdiction's local additions); learned adjustments from analyst corrections
 * are kept apart ({@link #adjustments()}) so an administrator can review them, and are added on top.
 * Immutable: {@link #withAdjustments} returns a new lexicon.
 */
public final class DutyLexicon {

    /** Weight of a department's own name (教育局, 环保部门) as a signal. */
    public static final double NAME_WEIGHT = 5.0;

    /** One signal of a term: the category it points to and its effective weight. */
    public record Signal(String category, double weight) {
    }

    private final Map<String, DutyFile.Category> categories;
    private final Map<String, Map<String, Double>> base;
    private final Map<String, Map<String, Double>> adjustments;
    private final LongestMatcher<List<Signal>> matcher;
    private final List<Combo> combos;
    private final java.util.Set<String> names;

    /**
     * A compiled co-occurrence rule: each group is a set of alternatives, every group must occur and no word of
     * {@code none}; {@code label} names the words in the evidence ("小区+物业").
     */
    public record Combo(List<List<String>> groups, List<String> none, String category, double weight, String label) {
        /** The label of the alternatives found, or null when the rule does not apply to {@code text}. */
        String match(String text) {
            for (String n : none) if (text.contains(n)) return null;
            StringBuilder b = new StringBuilder();
            for (List<String> g : groups) {
                String hit = null;
                for (String alt : g) if (text.contains(alt)) { hit = alt; break; }
                if (hit == null) return null;
                b.append(b.length() == 0 ? "" : "+").append(hit);
            }
            return b.toString();
        }
    }

    private DutyLexicon(Map<String, DutyFile.Category> categories, Map<String, Map<String, Double>> base,
                        Map<String, Map<String, Double>> adjustments, List<Combo> combos) {
        this.categories = categories;
        this.base = base;
        this.adjustments = adjustments;
        this.combos = combos;
        java.util.Set<String> n = new java.util.HashSet<>();
        categories.values().forEach(c -> {
            if (c.names() != null) n.addAll(c.names());
            if (c.dept() != null) n.add(c.dept());
            if (c.function() != null) n.add(c.function() + "部门");
        });
        this.names = java.util.Set.copyOf(n);
        Map<String, List<Signal>> dict = new HashMap<>();
        Map<String, Map<String, Double>> effective = new TreeMap<>();
        base.forEach((c, terms) -> terms.forEach((t, w) -> effective.computeIfAbsent(c, k -> new TreeMap<>()).merge(t, w, Double::sum)));
        adjustments.forEach((c, terms) -> terms.forEach((t, w) -> effective.computeIfAbsent(c, k -> new TreeMap<>()).merge(t, w, Double::sum)));
        effective.forEach((c, terms) -> terms.forEach((t, w) -> {
            if (w > 0 && t.length() >= 2) dict.computeIfAbsent(t, k -> new ArrayList<>(1)).add(new Signal(c, w));
        }));
        this.matcher = new LongestMatcher<>(dict);
    }

    /** The shipped lexicon plus a jurisdiction's local additions (may be null). */
    public static DutyLexicon of(DutyFile file, Map<String, Map<String, Double>> local) {
        Map<String, Map<String, Double>> base = new LinkedHashMap<>();
        file.categories().forEach((code, c) -> {
            Map<String, Double> terms = new LinkedHashMap<>();
            if (c.signals() != null) terms.putAll(c.signals());
            if (c.names() != null) c.names().forEach(n -> terms.merge(n, NAME_WEIGHT, Math::max));
            if (c.dept() != null) terms.merge(c.dept(), NAME_WEIGHT, Math::max);
            if (c.function() != null) terms.merge(c.function() + "部门", NAME_WEIGHT, Math::max);
            base.put(code, terms);
        });
        if (file.wording() != null) file.wording().forEach((code, terms) -> {
            if (!base.containsKey(code)) throw new IllegalArgumentException("未知部门类别：" + code);
            if (terms != null) base.get(code).putAll(terms);
        });
        if (local != null) local.forEach((code, terms) -> {
            if (!base.containsKey(code)) throw new IllegalArgumentException("未知部门类别：" + code);
            terms.forEach((t, w) -> base.get(code).put(t, w));
        });
        List<Combo> combos = new ArrayList<>();
        if (file.combos() != null) for (DutyFile.Combo c : file.combos()) {
            if (!base.containsKey(c.category())) throw new IllegalArgumentException("未知部门类别：" + c.category());
            if (c.all() == null || c.all().isEmpty() || c.weight() == null) throw new IllegalArgumentException("组合信号缺少 all 或 weight：" + c);
            List<List<String>> groups = new ArrayList<>();
            for (String g : c.all()) groups.add(List.of(g.split("\\|")));
            combos.add(new Combo(List.copyOf(groups), c.none() == null ? List.of() : List.copyOf(c.none()), c.category(), c.weight(),
                    c.note()));
        }
        return new DutyLexicon(Collections.unmodifiableMap(new LinkedHashMap<>(file.categories())), base, Map.of(), List.copyOf(combos));
    }

    /** Whether {@code term} is a department's own name (教育局, 派出所, 环保部门). */
    public boolean isName(String term) {
        return names.contains(term);
    }

    /** The co-occurrence rules, for review. */
    public List<Combo> combos() {
        return combos;
    }

    /** Whether any category already knows {@code term} (base or learned). */
    public boolean knows(String term) {
        for (Map<String, Double> terms : base.values()) if (terms.containsKey(term)) return true;
        for (Map<String, Double> terms : adjustments.values()) if (terms.containsKey(term)) return true;
        return false;
    }

    /**
     * A lexicon with learned adjustments (category → term → weight delta, positive or negative) added on
     * top of the base weights, replacing any previous adjustments. Unknown categories are rejected.
     */
    public DutyLexicon withAdjustments(Map<String, Map<String, Double>> adjustments) {
        Map<String, Map<String, Double>> copy = new TreeMap<>();
        adjustments.forEach((c, terms) -> {
            if (!categories.containsKey(c)) throw new IllegalArgumentException("未知部门类别：" + c);
            Map<String, Double> t = new TreeMap<>();
            terms.forEach((term, w) -> {
                if (term == null || term.isBlank() || w == null || !Double.isFinite(w))
                    throw new IllegalArgumentException("无效的词权重调整：" + c + " / " + term);
                t.put(term.trim(), w);
            });
            copy.put(c, Collections.unmodifiableMap(t));
        });
        return new DutyLexicon(categories, base, Collections.unmodifiableMap(copy), combos);
    }

    /** The learned adjustments currently applied, for review. */
    public Map<String, Map<String, Double>> adjustments() {
        return adjustments;
    }

    /** The base weights of a category (shipped + local), for review. */
    public Map<String, Double> baseTerms(String category) {
        return Collections.unmodifiableMap(base.getOrDefault(category, Map.of()));
    }

    public Map<String, DutyFile.Category> categories() {
        return categories;
    }

    public DutyFile.Category category(String code) {
        return categories.get(code);
    }

    /** The department's short function name (教育, 应急管理) or the code if unknown. */
    public String label(String code) {
        DutyFile.Category c = categories.get(code);
        return c == null || c.function() == null ? code : c.function();
    }

    List<LongestMatcher.Match<List<Signal>>> find(String text) {
        return matcher.find(text);
    }
}
