package cn.tingfeng.watch.plan;

import cn.tingfeng.watch.Rule;
import cn.tingfeng.watch.RuleParser;
import cn.tingfeng.watch.RuleSyntaxException;
import cn.tingfeng.watch.SlotRule;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/**
 * A rule as an analyst writes it: the expression language ({@code 连云港 AND (爆炸 OR 起火) NOT 演习}) or the slot
 * form (region × subject × event words minus exclusions). Both compile to one {@link Rule}.
 */
public record RuleSpec(String kind, String text) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The slot form as the API takes it. */
    public record Slots(List<String> regions, List<String> subjects, List<String> events, List<String> exclusions) {
        SlotRule toSlotRule() {
            return new SlotRule(regions, subjects, events, exclusions);
        }
    }

    /** From a request: exactly one of rule and slots. */
    public static RuleSpec of(String rule, Slots slots) {
        if (slots != null && rule != null && !rule.isBlank()) {
            throw new RuleSyntaxException(1, "请只填写规则表达式或分槽规则中的一种");
        }
        if (slots != null) {
            try {
                return new RuleSpec(PlanVersion.SLOTS, JSON.writeValueAsString(slots.toSlotRule()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return new RuleSpec(PlanVersion.EXPRESSION, rule == null ? "" : rule);
    }

    public static RuleSpec of(PlanVersion v) {
        return new RuleSpec(v.ruleKind, v.ruleText);
    }

    /** The compiled rule; throws {@link RuleSyntaxException} (Chinese message, 1-based position). */
    public Rule compile() {
        if (PlanVersion.SLOTS.equals(kind)) {
            return slots().toRule();
        }
        return RuleParser.parse(text);
    }

    public SlotRule slots() {
        try {
            return JSON.readValue(text, SlotRule.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored slot rule unreadable", e);
        }
    }
}
