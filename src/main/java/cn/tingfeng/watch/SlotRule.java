package cn.tingfeng.watch;

import java.util.ArrayList;
import java.util.List;

/**
 * The slot form of a plan: (any region word) AND (any subject word) AND (any event word) AND NOT (any
 * exclusion word). Empty slots are left out. Compiles to the same {@link Rule} as the expression language.
 */
public record SlotRule(List<String> regions, List<String> subjects, List<String> events, List<String> exclusions) {

    public SlotRule {
        regions = clean(regions);
        subjects = clean(subjects);
        events = clean(events);
        exclusions = clean(exclusions);
    }

    private static List<String> clean(List<String> words) {
        List<String> out = new ArrayList<>();
        if (words != null) {
            for (String w : words) {
                if (w != null && !w.isBlank()) {
                    out.add(w.strip());
                }
            }
        }
        return List.copyOf(out);
    }

    /** The equivalent rule; throws {@link RuleSyntaxException} when no positive slot has a word. */
    public Rule toRule() {
        List<Rule> parts = new ArrayList<>();
        for (List<String> slot : List.of(regions, subjects, events)) {
            if (!slot.isEmpty()) {
                parts.add(anyOf(slot));
            }
        }
        if (parts.isEmpty()) {
            throw new RuleSyntaxException(1, "至少需要填写地区词、主体词或事件词中的一组");
        }
        if (!exclusions.isEmpty()) {
            parts.add(new Rule.Not(anyOf(exclusions)));
        }
        return parts.size() == 1 ? parts.get(0) : new Rule.And(parts);
    }

    private static Rule anyOf(List<String> words) {
        List<Rule> terms = new ArrayList<>();
        for (String w : words) {
            terms.add(new Rule.Term(w, Field.ANY));
        }
        return terms.size() == 1 ? terms.get(0) : new Rule.Or(terms);
    }
}
