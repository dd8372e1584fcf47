package cn.tingfeng.tracking;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * All clocks of one assignment at an instant.
 *
 * @param incidentStart the start in force (after any START_ADJUSTED)
 * @param nextActionAt  the earliest {@link ObligationClock#nextActionAt()}: the assignment's indexed sweep time
 */
public record AssignmentClocks(String policyVersionId, AssignmentRole role, AssignmentState state,
                               Instant incidentStart, List<ObligationClock> clocks, Instant nextActionAt) {

    public AssignmentClocks {
        clocks = List.copyOf(clocks);
    }

    public Optional<ObligationClock> clock(String key) {
        for (ObligationClock c : clocks) if (c.key().equals(key)) return Optional.of(c);
        return Optional.empty();
    }

    /** Clocks by key, in a stable order (the API's {@code clocks} object). */
    public Map<String, ObligationClock> byKey() {
        Map<String, ObligationClock> m = new LinkedHashMap<>();
        for (ObligationClock c : clocks) m.put(c.key(), c);
        return m;
    }
}
