package cn.tingfeng.incident.assess;

import cn.tingfeng.shared.text.TextNormalizer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Extractive summary of an incident's posts: sentences are taken verbatim (never rewritten), ranked by
 * how representative they are (cosine of their character-bigram vector with the centroid of all
 * sentences, so a fact repeated across reposts ranks high), with a small bonus for each post's opening
 * sentence, and picked greedily while penalising redundancy with the sentences already picked (MMR).
 */
public final class ExtractiveSummarizer {

    private static final double LAMBDA = 0.7;
    private static final int MIN_CONTENT = 6;

    private ExtractiveSummarizer() {
    }

    /** Up to {@code maxSentences} sentences (total at most {@code maxChars} characters), best first. */
    public static List<String> summarize(List<String> texts, int maxSentences, int maxChars) {
        Map<String, Boolean> sentences = new LinkedHashMap<>(); // sentence -> is a lead sentence
        for (String t : texts) {
            boolean first = true;
            for (String s : split(t)) {
                if (TextNormalizer.contentChars(s).length() >= MIN_CONTENT) {
                    sentences.merge(s, first, (a, b) -> a || b);
                    first = false;
                }
            }
        }
        List<String> list = new ArrayList<>(sentences.keySet());
        List<Map<String, Double>> vectors = new ArrayList<>();
        Map<String, Double> centroid = new HashMap<>();
        // repeated sentences (verbatim reposts) weigh as often as they occur
        Map<String, Integer> occurrences = new HashMap<>();
        for (String t : texts) {
            for (String s : split(t)) {
                occurrences.merge(s, 1, Integer::sum);
            }
        }
        for (String s : list) {
            Map<String, Double> v = vector(s);
            vectors.add(v);
            int n = occurrences.getOrDefault(s, 1);
            v.forEach((k, x) -> centroid.merge(k, x * n, Double::sum));
        }
        Map<String, Double> c = normalise(centroid);
        double[] relevance = new double[list.size()];
        for (int i = 0; i < list.size(); i++) {
            relevance[i] = dot(vectors.get(i), c) + (sentences.get(list.get(i)) ? 0.05 : 0);
        }
        List<String> out = new ArrayList<>();
        List<Integer> picked = new ArrayList<>();
        int chars = 0;
        while (out.size() < maxSentences) {
            int best = -1;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < list.size(); i++) {
                if (picked.contains(i) || chars + list.get(i).length() > maxChars) {
                    continue;
                }
                double redundancy = 0;
                for (int p : picked) {
                    redundancy = Math.max(redundancy, dot(vectors.get(i), vectors.get(p)));
                }
                double mmr = LAMBDA * relevance[i] - (1 - LAMBDA) * redundancy;
                if (mmr > bestScore) {
                    best = i;
                    bestScore = mmr;
                }
            }
            if (best < 0) {
                break;
            }
            picked.add(best);
            out.add(list.get(best));
            chars += list.get(best).length();
        }
        return out;
    }

    /** Sentences, each ending with its own punctuation, trimmed. */
    static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '\n' || ch == '\r') {
                flush(b, out);
                continue;
            }
            b.append(ch);
            if (ch == '。' || ch == '！' || ch == '？' || ch == '!' || ch == '?' || ch == '；') {
                while (i + 1 < text.length() && "”’」』）)".indexOf(text.charAt(i + 1)) >= 0) {
                    b.append(text.charAt(++i));
                }
                flush(b, out);
            }
        }
        flush(b, out);
        return out;
    }

    private static void flush(StringBuilder b, List<String> out) {
        String s = b.toString().strip();
        if (!s.isEmpty()) {
            out.add(s);
        }
        b.setLength(0);
    }

    private static Map<String, Double> vector(String s) {
        String c = TextNormalizer.contentChars(s);
        Map<String, Double> v = new HashMap<>();
        for (int i = 0; i + 2 <= c.length(); i++) {
            v.merge(c.substring(i, i + 2), 1.0, Double::sum);
        }
        return normalise(v);
    }

    private static Map<String, Double> normalise(Map<String, Double> v) {
        double n = Math.sqrt(v.values().stream().mapToDouble(x -> x * x).sum());
        Map<String, Double> out = new HashMap<>();
        if (n > 0) {
            v.forEach((k, x) -> out.put(k, x / n));
        }
        return out;
    }

    private static double dot(Map<String, Double> a, Map<String, Double> b) {
        double d = 0;
        for (Map.Entry<String, Double> e : a.entrySet()) {
            Double y = b.get(e.getKey());
            if (y != null) {
                d += e.getValue() * y;
            }
        }
        return d;
    }
}
