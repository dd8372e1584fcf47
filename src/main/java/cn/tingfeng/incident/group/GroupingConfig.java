package cn.tingfeng.incident.group;

import java.time.Duration;
import java.util.Set;

/**
 * Grouping thresholds. A post joins the best-scoring open incident when the incident is within the time
 * window, the text similarity reaches {@code minText}, the combined score reaches {@code joinScore}, and
 * neither the places nor the kinds of happening conflict.
 *
 * @param genericPlaces place names that say nothing about which happening is meant (the city, province)
 */
public record GroupingConfig(Duration window, double textWeight, double placeWeight, double eventWeight,
                             double entityWeight,
                             double minText, double joinScore, Set<String> genericPlaces) {

    public GroupingConfig {
        genericPlaces = Set.copyOf(genericPlaces);
    }

    public static GroupingConfig defaults() {
        return new GroupingConfig(Duration.ofHours(72), 0.5, 0.25, 0.15, 0.1, 0.3, 0.45,
                Set.of("中国", "江苏", "江苏省", "连云港", "连云港市", "苏北"));
    }
}
