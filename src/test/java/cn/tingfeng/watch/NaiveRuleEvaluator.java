package cn.tingfeng.watch;

import cn.tingfeng.shared.text.TextNormalizer;

/** Reference semantics: evaluates a rule directly with indexOf scans, no automaton. */
final class NaiveRuleEvaluator {

    private NaiveRuleEvaluator() {
    }

    static boolean matches(Rule rule, String title, String text) {
        return eval(rule, TextNormalizer.normalize(title), TextNormalizer.normalize(text));
    }

    private static boolean eval(Rule r, String title, String text) {
        if (r instanceof Rule.Term t) {
            return (t.field() != Field.TEXT && title.contains(t.text()))
                    || (t.field() != Field.TITLE && text.contains(t.text()));
        }
        if (r instanceof Rule.Near n) {
            return (n.left().field() != Field.TEXT && n.right().field() != Field.TEXT && near(n, title))
                    || (n.left().field() != Field.TITLE && n.right().field() != Field.TITLE && near(n, text));
        }
        if (r instanceof Rule.And a) {
            return a.children().stream().allMatch(c -> eval(c, title, text));
        }
        if (r instanceof Rule.Or o) {
            return o.children().stream().anyMatch(c -> eval(c, title, text));
        }
        return !eval(((Rule.Not) r).child(), title, text);
    }

    private static boolean near(Rule.Near n, String s) {
        String a = n.left().text();
        String b = n.right().text();
        for (int x = s.indexOf(a); x >= 0; x = s.indexOf(a, x + 1)) {
            for (int y = s.indexOf(b); y >= 0; y = s.indexOf(b, y + 1)) {
                int gap;
                if (y >= x + a.length()) {
                    gap = y - (x + a.length());
                } else if (x >= y + b.length()) {
                    gap = x - (y + b.length());
                } else {
                    gap = 0;
                }
                if (gap <= n.distance()) {
                    return true;
                }
            }
        }
        return false;
    }
}
