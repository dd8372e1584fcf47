package cn.tingfeng.incident.assess;

import cn.tingfeng.shared.Grade;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Grade I–IV with the reason: the most serious of (a) the casualty grade read from the text elsewhere
 * ({@code cn.tingfeng.incident.grade.CasualtyGrading}) and passed in, (b) the spread grade and (c) the
 * category's minimum grade. Without any factor the grade is IV 一般.
 */
public final class IncidentGrader {

    /** The casualty grade and its reason (e.g. "15人遇难，死亡10—29人为重大"), when the text gives figures. */
    public record Input(Optional<Grade> casualtyGrade, String casualtyReason, Spread spread,
                        Optional<Art18Category> category) {
    }

    public record Result(Grade grade, String reason, List<String> factors) {
        public Result {
            factors = List.copyOf(factors);
        }
    }

    private final GradingThresholds thresholds;

    public IncidentGrader(GradingThresholds thresholds) {
        this.thresholds = thresholds;
    }

    public Result grade(Input in) {
        Grade grade = Grade.IV;
        List<String> factors = new ArrayList<>();
        if (in.casualtyGrade().isPresent()) {
            Grade g = in.casualtyGrade().get();
            grade = Grade.max(grade, g);
            String why = in.casualtyReason() == null || in.casualtyReason().isBlank() ? "" : in.casualtyReason() + "，";
            factors.add("伤亡情况：" + why + "对应 " + g.name() + " 级（" + g.label() + "）");
        }
        Grade spreadGrade = spreadGrade(in.spread());
        grade = Grade.max(grade, spreadGrade);
        Spread s = in.spread();
        factors.add(String.format("传播情况：共 %d 条信息、%d 个来源、%d 个平台，单小时最多 %d 条，对应 %s 级（%s）",
                s.posts(), s.distinctSources(), s.distinctPlatforms(), s.peakPostsPerHour(), spreadGrade.name(),
                spreadGrade.label()));
        if (in.category().isPresent()) {
            Art18Category c = in.category().get();
            Grade floor = thresholds.categoryFloor().get(c);
            if (floor != null) {
                grade = Grade.max(grade, floor);
                factors.add("舆情类别：" + c.label() + "，不低于 " + floor.name() + " 级（" + floor.label() + "）");
            } else {
                factors.add("舆情类别：" + c.label());
            }
        }
        String reason = "定为 " + grade.name() + " 级（" + grade.label() + "）。依据：" + String.join("；", factors) + "。";
        return new Result(grade, reason, factors);
    }

    Grade spreadGrade(Spread s) {
        for (Grade g : new Grade[] {Grade.I, Grade.II, Grade.III}) {
            GradingThresholds.SpreadThreshold t = thresholds.spread().get(g);
            if (t != null && (s.posts() >= t.posts() || s.distinctSources() >= t.distinctSources()
                    || s.peakPostsPerHour() >= t.peakPostsPerHour())) {
                return g;
            }
        }
        return Grade.IV;
    }
}
