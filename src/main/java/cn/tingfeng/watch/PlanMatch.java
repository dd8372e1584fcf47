package cn.tingfeng.watch;

import java.util.List;

/** A plan version that matched a post, with the evidence (terms and positions). */
public record PlanMatch(String planId, int version, List<Evidence> evidence) {
    public PlanMatch {
        evidence = List.copyOf(evidence);
    }
}
