package cn.tingfeng.jurisdiction.duty;

import java.util.List;

/**
 * The competent category of a text. {@code lead} is null when no duty signal was found; {@code leadClear}
 * is false when the runner-up is close to the lead (the government office should name the lead).
 */
public record DutyResult(List<CategoryScore> ranked, CategoryScore lead, List<CategoryScore> co,
                         boolean leadClear, double confidence) {
    public DutyResult {
        ranked = List.copyOf(ranked);
        co = List.copyOf(co);
    }
}
