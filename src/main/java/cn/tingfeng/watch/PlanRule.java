package cn.tingfeng.watch;

/** One version of a plan's rule, as the matcher compiles it. */
public record PlanRule(String planId, int version, Rule rule) {

    /** Parses the expression language; throws {@link RuleSyntaxException}. */
    public static PlanRule of(String planId, int version, String expression) {
        return new PlanRule(planId, version, RuleParser.parse(expression));
    }

    /** Compiles the slot form. */
    public static PlanRule of(String planId, int version, SlotRule slots) {
        return new PlanRule(planId, version, slots.toRule());
    }
}
