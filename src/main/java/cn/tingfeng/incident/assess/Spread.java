package cn.tingfeng.incident.assess;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * How widely and fast an incident travels: posts, distinct sources and platforms, first-seen time (the
 * earliest publication) and the peak number of posts in any sliding hour.
 */
public record Spread(int posts, int distinctSources, int distinctPlatforms, Instant firstSeen, int peakPostsPerHour) {

    public static Spread of(Collection<SpreadPost> posts) {
        Set<String> sources = new HashSet<>();
        Set<String> platforms = new HashSet<>();
        Instant first = null;
        long[] times = new long[posts.size()];
        int i = 0;
        for (SpreadPost p : posts) {
            if (p.source() != null) {
                sources.add(p.source());
            }
            if (p.platform() != null) {
                platforms.add(p.platform());
            }
            if (first == null || p.publishedAt().isBefore(first)) {
                first = p.publishedAt();
            }
            times[i++] = p.publishedAt().toEpochMilli();
        }
        java.util.Arrays.sort(times);
        int peak = 0;
        long hour = Duration.ofHours(1).toMillis();
        for (int a = 0, b = 0; b < times.length; b++) {
            while (times[b] - times[a] >= hour) {
                a++;
            }
            peak = Math.max(peak, b - a + 1);
        }
        return new Spread(posts.size(), sources.size(), platforms.size(), first, peak);
    }
}
