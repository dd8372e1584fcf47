package cn.tingfeng.incident.assess;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Heat of an incident: posts per clock hour as a timeline (from the hour of the first post to the hour of
 * {@code now}, empty hours included) and the rising flag: the incident is rising when the last
 * {@code recentWindow} holds at least {@code minRecentPosts} posts and its hourly rate is at least
 * {@code acceleration} times the hourly rate of the {@code baselineWindow} before it.
 */
public record Heat(List<HourBucket> timeline, boolean rising, double recentRate, double baselineRate) {

    public record HourBucket(Instant hour, int posts) {
    }

    public record Config(Duration recentWindow, Duration baselineWindow, double acceleration, int minRecentPosts) {
        public static Config defaults() {
            return new Config(Duration.ofHours(1), Duration.ofHours(3), 2.0, 5);
        }
    }

    public Heat {
        timeline = List.copyOf(timeline);
    }

    public static Heat of(Collection<Instant> publishedAt, Instant now, Config config) {
        if (publishedAt.isEmpty()) {
            return new Heat(List.of(), false, 0, 0);
        }
        Instant first = publishedAt.stream().min(Instant::compareTo).orElseThrow().truncatedTo(ChronoUnit.HOURS);
        Instant last = now.truncatedTo(ChronoUnit.HOURS);
        int hours = (int) Math.max(0, Duration.between(first, last).toHours()) + 1;
        int[] counts = new int[Math.min(hours, 24 * 366)];
        int recent = 0;
        int baseline = 0;
        Instant recentStart = now.minus(config.recentWindow());
        Instant baselineStart = recentStart.minus(config.baselineWindow());
        for (Instant t : publishedAt) {
            if (t.isAfter(now)) {
                continue;
            }
            int h = (int) Duration.between(first, t.truncatedTo(ChronoUnit.HOURS)).toHours();
            if (h >= 0 && h < counts.length) {
                counts[h]++;
            }
            if (t.isAfter(recentStart)) {
                recent++;
            } else if (t.isAfter(baselineStart)) {
                baseline++;
            }
        }
        List<HourBucket> timeline = new ArrayList<>();
        for (int h = 0; h < counts.length; h++) {
            timeline.add(new HourBucket(first.plus(Duration.ofHours(h)), counts[h]));
        }
        double recentRate = recent / hours(config.recentWindow());
        double baselineRate = baseline / hours(config.baselineWindow());
        boolean rising = recent >= config.minRecentPosts() && recentRate >= config.acceleration() * baselineRate;
        return new Heat(timeline, rising, recentRate, baselineRate);
    }

    private static double hours(Duration d) {
        return d.toMillis() / 3_600_000.0;
    }
}
