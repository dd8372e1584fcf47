package cn.tingfeng.incident.group;

import java.util.HashMap;
import java.util.Map;

/** Sparse vectors as maps. */
final class Vectors {

    private Vectors() {
    }

    static Map<String, Double> normalise(Map<String, Double> v) {
        double n = 0;
        for (double x : v.values()) {
            n += x * x;
        }
        if (n == 0) {
            return Map.of();
        }
        double norm = Math.sqrt(n);
        Map<String, Double> out = new HashMap<>();
        v.forEach((k, x) -> out.put(k, x / norm));
        return out;
    }

    static double cosine(Map<String, Double> a, Map<String, Double> b) {
        if (a.size() > b.size()) {
            Map<String, Double> t = a;
            a = b;
            b = t;
        }
        double dot = 0;
        for (Map.Entry<String, Double> e : a.entrySet()) {
            Double y = b.get(e.getKey());
            if (y != null) {
                dot += e.getValue() * y;
            }
        }
        return dot; // both normalised
    }

    /** Running mean of n normalised vectors plus one more, normalised again (an incident centroid). */
    static Map<String, Double> centroid(Map<String, Double> mean, int n, Map<String, Double> add, int keep) {
        Map<String, Double> out = new HashMap<>();
        mean.forEach((k, v) -> out.put(k, v * n));
        add.forEach((k, v) -> out.merge(k, v, Double::sum));
        if (out.size() > keep) {
            out.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).skip(keep)
                    .map(Map.Entry::getKey).toList().forEach(out::remove);
        }
        return normalise(out);
    }
}
