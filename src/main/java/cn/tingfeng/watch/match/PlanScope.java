package cn.tingfeng.watch.match;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** Which posts a plan looks at: its sources (by key) and platforms; an empty set admits all. */
public record PlanScope(Set<String> sources, Set<String> platforms) {
    public static PlanScope of(String sources, String platforms) {
        return new PlanScope(split(sources), split(platforms));
    }

    public boolean admits(String sourceKey, String platform) {
        return (sources.isEmpty() || sources.contains(sourceKey)) && (platforms.isEmpty() || platforms.contains(platform));
    }

    private static Set<String> split(String s) {
        if (s == null || s.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(s.split(",")).map(String::strip).filter(v -> !v.isEmpty()).collect(Collectors.toSet());
    }
}
