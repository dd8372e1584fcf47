package cn.tingfeng.tracking.sla;

import cn.tingfeng.shared.Grade;
import cn.tingfeng.tracking.escalation.EscalationSettings;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The SLA policy of one jurisdiction ({@code default} = fallback for all others).
 *
 * @param version    the administrator's version label; the frozen version id adds a content fingerprint
 * @param grades     rule sets, each for one or more grades; together they must cover I–IV exactly once
 */
public record JurisdictionPolicy(String jurisdiction, String version, String description,
                                 List<GradeRules> grades, EscalationSettings escalation) {

    public JurisdictionPolicy {
        if (jurisdiction == null || jurisdiction.isBlank()) throw new IllegalArgumentException("期限政策缺少 jurisdiction");
        if (version == null || version.isBlank()) throw new IllegalArgumentException("期限政策 " + jurisdiction + " 缺少 version");
        grades = List.copyOf(grades == null ? List.of() : grades);
        if (escalation == null) escalation = EscalationSettings.defaults();
        Set<Grade> seen = EnumSet.noneOf(Grade.class);
        for (GradeRules r : grades) {
            for (Grade g : r.grades()) {
                if (!seen.add(g)) throw new IllegalArgumentException("期限政策 " + jurisdiction + " 中等级 " + g + " 重复");
            }
        }
        if (seen.size() != Grade.values().length) {
            throw new IllegalArgumentException("期限政策 " + jurisdiction + " 未覆盖全部等级: " + seen);
        }
    }

    public GradeRules rulesFor(Grade grade) {
        for (GradeRules r : grades) if (r.grades().contains(grade)) return r;
        throw new IllegalStateException("unreachable: validated in constructor");
    }
}
