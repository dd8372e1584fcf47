package cn.tingfeng.jurisdiction.data;

import java.util.List;
import java.util.Map;

/**
 * The YAML shape of {@code jurisdiction/duties.yaml}: department categories and their duty signals, and
 * the words citizens use in their own messages ({@code wording}: category → term → weight, set over the
 * category's signals, so a weight there also overrides a shipped one), and co-occurrence rules ({@code combos})
 * that read several words together.
 */
public record DutyFile(Map<String, Category> categories, Map<String, Map<String, Double>> wording, List<Combo> combos) {

    public record Category(String dept, String function, List<String> names, Map<String, Double> signals) {
    }

    /**
     * A co-occurrence: every group of {@code all} must occur (a group is "a|b|c", any one of them), none of
     * {@code none}; then {@code category} gets {@code weight}. {@code note} says why (shown in the evidence).
     */
    public record Combo(List<String> all, List<String> none, String category, Double weight, String note) {
    }
}
