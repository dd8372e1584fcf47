package cn.tingfeng.jurisdiction;

import cn.tingfeng.shared.Grade;

import java.util.List;
import java.util.Set;

/**
 * The proposed assignment of one post under Art. 19. {@code territory} is the county-level unit when
 * {@code level} is COUNTY, else null; {@code lead} is null when there is no assignment; {@code co} holds the
 * co-responders and, for grade I/II, the informed propaganda department and cyberspace office.
 */
public record Classification(Level level, String territory, Assignee lead, List<Assignee> co, Grade grade,
                             double confidence, List<String> rationale, Set<Flag> flags) {
    public Classification {
        co = List.copyOf(co);
        rationale = List.copyOf(rationale);
        flags = Set.copyOf(flags);
    }
}
