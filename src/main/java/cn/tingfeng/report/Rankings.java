package cn.tingfeng.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Ranks units or counties: by on-time rate within the limit, then completion rate, then feedback rate (higher first;
 * a rate with nothing to count last), then name. A row is flagged for each of those three rates that counts at least
 * {@code minCount} items and is below {@code floor}.
 */
public final class Rankings {
    private Rankings() {
    }

    public record Group(Long id, String name, String county, Stats.Counts counts) {
    }

    public static List<Stats.RankRow> rank(List<Group> groups, double floor, int minCount) {
        Comparator<Group> order = Comparator.<Group, Double>comparing(g -> ratio(g.counts().limitOnTime(), g.counts().limitDecided()),
                        Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(g -> ratio(g.counts().completed(), g.counts().assigned()), Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(g -> ratio(g.counts().fedBack(), g.counts().assigned()), Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(Group::name);
        List<Group> sorted = groups.stream().sorted(order).toList();
        List<Stats.RankRow> rows = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Group g = sorted.get(i);
            Stats.Counts c = g.counts();
            List<String> flags = new ArrayList<>();
            flag(flags, "onTimeLimit", c.limitOnTime(), c.limitDecided(), floor, minCount);
            flag(flags, "feedback", c.fedBack(), c.assigned(), floor, minCount);
            flag(flags, "completion", c.completed(), c.assigned(), floor, minCount);
            rows.add(new Stats.RankRow(i + 1, g.id(), g.name(), g.county(), !flags.isEmpty(), flags, c.figures()));
        }
        return rows;
    }

    static void flag(List<String> flags, String name, long count, long of, double floor, int minCount) {
        if (of >= minCount && of > 0 && (double) count / of < floor) flags.add(name);
    }

    private static Double ratio(long count, long of) {
        return of == 0 ? null : (double) count / of;
    }
}
