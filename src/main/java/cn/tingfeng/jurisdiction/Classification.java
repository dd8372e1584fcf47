package cn.tingfeng.jurisdiction;

import cn.tingfeng.jurisdiction.duty.CategoryScore;
import cn.tingfeng.shared.Grade;

import java.util.List;
import java.util.Set;

/**
 * The proposed assignment of one post under Art. 19. {@code territory} is the county-level unit when
 * {@code level} is COUNTY, else null; {@code lead} is null when no duty was found or the post is another
 * place's matter; with level NONE and a lead, the lead is the city-level department of the competent category
 * and the territory is to be confirmed (flag {@link Flag#TERRITORY_UNCONFIRMED}); {@code co} holds the
 * co-responders and, for grade I/II, the informed propaganda department and cyberspace office; {@code duties}
 * ranks the candidate categories with their evidence, strongest first (at most four).
 */
public record Classification(Level level, String territory, Assignee lead, List<Assignee> co, Grade grade,
                             double confidence, List<String> rationale, Set<Flag> flags, List<CategoryScore> duties) {
    public Classification {
        duties = List.copyOf(duties);
        co = List.copyOf(co);
        rationale = List.copyOf(rationale);
        flags = Set.copyOf(flags);
    }
}
