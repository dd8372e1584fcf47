package cn.tingfeng.watch;

import cn.tingfeng.shared.text.TextNormalizer;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The abstract syntax of a monitoring rule. Both the expression language and the slot form compile to it.
 * Terms are stored normalised ({@link TextNormalizer}); a term matches where its text occurs.
 */
public sealed interface Rule {

    /** A word or quoted phrase, in a field. */
    record Term(String text, Field field) implements Rule {
        public Term {
            text = TextNormalizer.normalize(text);
        }

        @Override
        public String toString() {
            String q = "\"" + text + "\"";
            return field == Field.ANY ? q : field.name().toLowerCase() + ":" + q;
        }
    }

    /** Both terms occur with at most {@code distance} characters between them (either order, same field). */
    record Near(Term left, Term right, int distance) implements Rule {
        @Override
        public String toString() {
            return "(" + left + " NEAR/" + distance + " " + right + ")";
        }
    }

    record And(List<Rule> children) implements Rule {
        public And {
            children = List.copyOf(children);
        }

        @Override
        public String toString() {
            return children.stream().map(Rule::toString).collect(Collectors.joining(" AND ", "(", ")"));
        }
    }

    record Or(List<Rule> children) implements Rule {
        public Or {
            children = List.copyOf(children);
        }

        @Override
        public String toString() {
            return children.stream().map(Rule::toString).collect(Collectors.joining(" OR ", "(", ")"));
        }
    }

    record Not(Rule child) implements Rule {
        @Override
        public String toString() {
            return "NOT " + child;
        }
    }

    /**
     * True when the rule can only be satisfied if at least one of its positive terms occurs. A plan rule
     * must be so: the matcher only looks at plans that have hits.
     */
    static boolean requiresHit(Rule r) {
        if (r instanceof Term || r instanceof Near) {
            return true;
        }
        if (r instanceof And a) {
            return a.children().stream().anyMatch(Rule::requiresHit);
        }
        if (r instanceof Or o) {
            return o.children().stream().allMatch(Rule::requiresHit);
        }
        return false;
    }
}
