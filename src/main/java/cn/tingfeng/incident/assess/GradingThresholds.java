package cn.tingfeng.incident.assess;

import cn.tingfeng.shared.Grade;

import java.util.Map;

/**
 * Configurable grading rules. Spread reaches a grade when any of its three figures reaches that grade's
 * threshold (posts, distinct sources, peak posts in an hour); a category may set a minimum grade.
 */
public record GradingThresholds(Map<Grade, SpreadThreshold> spread, Map<Art18Category, Grade> categoryFloor) {

    public record SpreadThreshold(int posts, int distinctSources, int peakPostsPerHour) {
    }

    public GradingThresholds {
        spread = Map.copyOf(spread);
        categoryFloor = Map.copyOf(categoryFloor);
    }

    public static GradingThresholds defaults() {
        return new GradingThresholds(
                Map.of(Grade.I, new SpreadThreshold(5000, 300, 1000),
                        Grade.II, new SpreadThreshold(1000, 100, 200),
                        Grade.III, new SpreadThreshold(100, 20, 30)),
                Map.of(Art18Category.MAJOR_EMERGENCY, Grade.III,
                        Art18Category.FALSE_INFORMATION, Grade.III));
    }
}
