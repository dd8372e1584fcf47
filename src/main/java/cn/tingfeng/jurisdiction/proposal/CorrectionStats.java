package cn.tingfeng.jurisdiction.proposal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How often the classifier's proposals were corrected (an incident counts once, compared by its latest correction),
 * overall, by the proposed lead category and by the proposed county (市级 / 无属地 for city and none). Pure.
 */
public final class CorrectionStats {
    public static final String CITY = "市级";
    public static final String NONE = "无属地";

    /** One proposal: its id and what the classifier said. */
    public record Proposed(Long id, String level, String territory, String leadCategory) {
    }

    /** The latest correction of a proposal. */
    public record Corrected(Long proposalId, String level, String territory, String leadCategory) {
    }

    public record Row(String key, String label, long proposals, long corrected, double rate, Map<String, Long> correctedTo) {
    }

    public record Report(long proposals, long corrected, double rate, long levelChanged, long territoryChanged,
                         long leadChanged, List<Row> byCategory, List<Row> byCounty) {
    }

    private CorrectionStats() {
    }

    public static Report of(List<Proposed> proposals, Map<Long, Corrected> latest, java.util.function.Function<String, String> label) {
        Map<String, long[]> cat = new TreeMap<>();
        Map<String, long[]> county = new TreeMap<>();
        Map<String, Map<String, Long>> catTo = new HashMap<>();
        Map<String, Map<String, Long>> countyTo = new HashMap<>();
        long corrected = 0, level = 0, territory = 0, lead = 0;
        for (Proposed p : proposals) {
            String c = p.leadCategory() == null ? "none" : p.leadCategory();
            String k = "county".equals(p.level()) ? p.territory() : "city".equals(p.level()) ? CITY : NONE;
            Corrected x = latest.get(p.id());
            boolean changed = x != null && (!Objects.equals(x.level(), p.level()) || !Objects.equals(x.territory(), p.territory())
                    || !Objects.equals(x.leadCategory(), p.leadCategory()));
            cat.computeIfAbsent(c, n -> new long[2])[0]++;
            county.computeIfAbsent(k, n -> new long[2])[0]++;
            if (!changed) continue;
            corrected++;
            cat.get(c)[1]++;
            county.get(k)[1]++;
            String to = x.leadCategory() == null ? "none" : x.leadCategory();
            String toCounty = "county".equals(x.level()) ? x.territory() : "city".equals(x.level()) ? CITY : NONE;
            catTo.computeIfAbsent(c, n -> new TreeMap<>()).merge(to, 1L, Long::sum);
            countyTo.computeIfAbsent(k, n -> new TreeMap<>()).merge(toCounty, 1L, Long::sum);
            if (!Objects.equals(x.level(), p.level())) level++;
            if (!Objects.equals(x.territory(), p.territory())) territory++;
            if (!Objects.equals(x.leadCategory(), p.leadCategory())) lead++;
        }
        return new Report(proposals.size(), corrected, rate(corrected, proposals.size()), level, territory, lead,
                rows(cat, catTo, label), rows(county, countyTo, k -> k));
    }

    private static List<Row> rows(Map<String, long[]> counts, Map<String, Map<String, Long>> to, java.util.function.Function<String, String> label) {
        List<Row> rows = new ArrayList<>();
        counts.forEach((k, n) -> rows.add(new Row(k, label.apply(k), n[0], n[1], rate(n[1], n[0]), to.getOrDefault(k, Map.of()))));
        rows.sort(Comparator.comparingLong(Row::corrected).reversed().thenComparing(Comparator.comparingLong(Row::proposals).reversed())
                .thenComparing(Row::key));
        return rows;
    }

    private static double rate(long part, long whole) {
        return whole == 0 ? 0.0 : Math.round(1000.0 * part / whole) / 1000.0;
    }
}
