package cn.tingfeng.jurisdiction.duty;

import cn.tingfeng.jurisdiction.text.LongestMatcher;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides the competent department category of a post from its duty words ("谁主管、谁负责"): longest,
 * non-overlapping matches of the lexicon, each weighted by its specificity (the weight in duties.yaml);
 * title words count {@value #TITLE_FACTOR}×, words in a sentence carrying the writer's request (希望/请求/
 * 投诉/建议/请…) {@value #REQUEST_FACTOR}× (the background of a long message counts less than what is
 * asked); a repeated word adds a quarter of its weight per repetition (at most two); co-occurrence rules
 * (小区 + 物业 → housing, 夜间 + 施工 + 噪音 → urban management) add their weight once; a department's name that
 * the writer says declined ("派出所说不归他们管") is no evidence for it. The top category
 * leads; others scoring at least
 * {@value #CO_RATIO} of the lead (and {@value #MIN_CO}) are co-responders; the lead is unclear when the
 * runner-up reaches {@value #CLEAR_RATIO} of it. Immutable and thread-safe.
 */
public final class DutyClassifier {

    static final double TITLE_FACTOR = 1.5;
    static final double REQUEST_FACTOR = 1.3;
    /** After a department's name: the writer says it declined ("派出所说不归他们管") — then the name is no evidence. */
    private static final java.util.regex.Pattern DECLINED = java.util.regex.Pattern.compile(
            "^.{0,6}?(?:不归|不属于|不管|管不了|不予受理|推给|推到|推脱|踢皮球|让(?:我们|我)?(?:去)?找)");
    private static final java.util.regex.Pattern REQUEST = java.util.regex.Pattern.compile(
            "希望|请求|恳请|恳求|请|建议|要求|呼吁|投诉|举报|诉求|盼|能否|能不能|可否|是否|有没有|怎么办|谁管|归谁|管一管|管管|查处|查一查|给个说法");
    static final double MIN_LEAD = 2.5;
    static final double MIN_CO = 3.0;
    static final double CO_RATIO = 0.4;
    static final double CLEAR_RATIO = 0.8;
    static final int MAX_CO = 3;

    private final DutyLexicon lexicon;

    public DutyClassifier(DutyLexicon lexicon) {
        this.lexicon = lexicon;
    }

    public DutyLexicon lexicon() {
        return lexicon;
    }

    public DutyClassifier withAdjustments(Map<String, Map<String, Double>> adjustments) {
        return new DutyClassifier(lexicon.withAdjustments(adjustments));
    }

    /**
     * @param hints extra evidence per category (e.g. a named city hospital → health), with its reason
     */
    public DutyResult classify(String title, String text, Map<String, Hint> hints) {
        Map<String, Double> scores = new HashMap<>();
        Map<String, Map<String, Double>> triggers = new HashMap<>();
        score(title, TITLE_FACTOR, null, scores, triggers);
        score(text, 1.0, requestSentences(text), scores, triggers);
        String all = (title == null ? "" : title) + "\n" + (text == null ? "" : text);
        for (DutyLexicon.Combo combo : lexicon.combos()) {
            String hit = combo.match(all);
            if (hit == null) continue;
            scores.merge(combo.category(), combo.weight(), Double::sum);
            triggers.computeIfAbsent(combo.category(), k -> new LinkedHashMap<>()).merge(hit, combo.weight(), Double::sum);
        }
        if (hints != null) hints.forEach((c, h) -> {
            scores.merge(c, h.weight(), Double::sum);
            triggers.computeIfAbsent(c, k -> new LinkedHashMap<>()).merge(h.reason(), h.weight(), Double::sum);
        });
        List<CategoryScore> ranked = new ArrayList<>();
        scores.forEach((c, s) -> {
            List<Map.Entry<String, Double>> t = new ArrayList<>(triggers.getOrDefault(c, Map.of()).entrySet());
            t.sort(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
            List<String> words = new ArrayList<>();
            for (Map.Entry<String, Double> e : t) words.add(e.getKey());
            ranked.add(new CategoryScore(c, Math.round(s * 100) / 100.0, words));
        });
        ranked.sort(Comparator.comparingDouble(CategoryScore::score).reversed().thenComparing(CategoryScore::category));
        if (ranked.isEmpty() || ranked.get(0).score() < MIN_LEAD) return new DutyResult(ranked, null, List.of(), false, 0.0);
        CategoryScore lead = ranked.get(0);
        double second = ranked.size() > 1 ? ranked.get(1).score() : 0.0;
        List<CategoryScore> co = new ArrayList<>();
        for (int i = 1; i < ranked.size() && co.size() < MAX_CO; i++) {
            CategoryScore c = ranked.get(i);
            if (c.score() >= MIN_CO && c.score() >= CO_RATIO * lead.score()) co.add(c);
        }
        boolean clear = second < CLEAR_RATIO * lead.score();
        double margin = (lead.score() - second) / lead.score();
        double strength = Math.min(1.0, lead.score() / 8.0);
        double confidence = strength * (0.55 + 0.45 * margin);
        return new DutyResult(ranked, lead, co, clear, Math.round(confidence * 1000) / 1000.0);
    }

    /** Extra evidence for a category, e.g. from the place gazetteer. */
    public record Hint(double weight, String reason) {
    }

    /**
     * The sentences (split at 。！？；!?; and line ends) that carry a request, as a mask over {@code s}; null when
     * the text has no request sentence or is a single sentence (then nothing is background).
     */
    static boolean[] requestSentences(String s) {
        if (s == null || s.isEmpty()) return null;
        boolean[] mask = new boolean[s.length()];
        boolean any = false, background = false;
        int start = 0;
        for (int i = 0; i <= s.length(); i++) {
            if (i < s.length() && "。！？；!?;\n".indexOf(s.charAt(i)) < 0) continue;
            if (i > start) {
                boolean request = REQUEST.matcher(s).region(start, i).find();
                if (request) {
                    any = true;
                    for (int k = start; k < i; k++) mask[k] = true;
                } else {
                    background = true;
                }
            }
            start = i + 1;
        }
        return any && background ? mask : null;
    }

    private void score(String s, double factor, boolean[] request, Map<String, Double> scores, Map<String, Map<String, Double>> triggers) {
        if (s == null || s.isEmpty()) return;
        Map<String, Integer> seen = new HashMap<>();
        for (LongestMatcher.Match<List<DutyLexicon.Signal>> m : lexicon.find(s)) {
            int n = seen.merge(m.key(), 1, Integer::sum);
            double repeat = n == 1 ? 1.0 : n <= 3 ? 0.25 : 0.0;
            if (repeat == 0.0) continue;
            if (lexicon.isName(m.key()) && DECLINED.matcher(s).region(m.end(), Math.min(s.length(), m.end() + 12)).find()) continue;
            double f = request != null && request[m.begin()] ? factor * REQUEST_FACTOR : factor;
            for (DutyLexicon.Signal sig : m.value()) {
                double w = sig.weight() * f * repeat;
                scores.merge(sig.category(), w, Double::sum);
                triggers.computeIfAbsent(sig.category(), k -> new LinkedHashMap<>()).merge(m.key(), w, Double::sum);
            }
        }
    }
}
