package cn.tingfeng.jurisdiction.classify;

import cn.tingfeng.jurisdiction.Assignee;
import cn.tingfeng.jurisdiction.Classification;
import cn.tingfeng.jurisdiction.Flag;
import java.util.List;
import java.util.function.Function;

/**
 * A classification at the API edge: {@code level} county|city|none, {@code territory} the county-level unit or
 * null, {@code lead} and {@code co} with real unit names (and unit ids where the unit is in the catalog),
 * {@code grade} I–IV or null, {@code confidence} 0..1, the Chinese {@code rationale}, the analyst flags and the
 * ranked candidate {@code duties} with their evidence. Level none with a lead: the city-level department is
 * proposed and the territory is 待核实 (flag TERRITORY_UNCONFIRMED).
 */
public record ClassificationView(String level, String territory, AssigneeView lead, List<AssigneeView> co, String grade,
                                 double confidence, List<String> rationale, List<String> flags, List<DutyView> duties) {

    /** A candidate category with its score and the words (or co-occurrences) that produced it, strongest first. */
    public record DutyView(String category, double score, List<String> evidence) {
    }

    /** A responsible or informed unit. */
    public record AssigneeView(String category, String unit, Long unitId) {
    }

    public static ClassificationView of(Classification c, Function<String, Long> unitIds) {
        return new ClassificationView(c.level().code(), c.territory(), view(c.lead(), unitIds),
                c.co().stream().map(a -> view(a, unitIds)).toList(), c.grade() == null ? null : c.grade().name(),
                c.confidence(), c.rationale(), c.flags().stream().map(Flag::name).sorted().toList(),
                c.duties().stream().map(d -> new DutyView(d.category(), d.score(),
                        d.triggers().size() <= 6 ? d.triggers() : d.triggers().subList(0, 6))).toList());
    }

    private static AssigneeView view(Assignee a, Function<String, Long> unitIds) {
        return a == null ? null : new AssigneeView(a.category(), a.unit(), unitIds.apply(a.unit()));
    }
}
