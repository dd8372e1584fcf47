package cn.tingfeng.incident.assess;

import cn.tingfeng.shared.text.TextNormalizer;
import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * Lexicon sentiment: leftmost-longest non-overlapping lexicon words over the normalised text; a negator
 * (不, 没有, 未, 无 ...) within the few characters before a word, in the same clause, reverses it at half
 * strength ("无人员伤亡" is mildly reassuring, not positive news). Score = tanh(sum / 3); negative at or
 * below -{@code threshold}, positive at or above it.
 */
public final class SentimentAnalyzer {

    private static final List<String> NEGATORS = List.of("不", "没", "没有", "无", "未", "非", "别", "毫无", "并非",
            "不是", "从未", "绝不", "尚未", "暂无", "并未", "不再");
    private static final Set<Character> CLAUSE_BREAKS = Set.of('，', ',', '。', '！', '!', '？', '?', '；', ';', '、',
            ' ', '\n');
    private static final int NEGATION_WINDOW = 4;

    private final AhoCorasickDoubleArrayTrie<Double> trie = new AhoCorasickDoubleArrayTrie<>();
    private final double threshold;

    public SentimentAnalyzer(SentimentLexicon lexicon, double threshold) {
        trie.build(new TreeMap<>(lexicon.weights()));
        this.threshold = threshold;
    }

    /** The shipped lexicon, threshold 0.2. */
    public static SentimentAnalyzer shipped() {
        return new SentimentAnalyzer(SentimentLexicon.shipped(), 0.2);
    }

    public Sentiment analyze(String text) {
        String s = TextNormalizer.normalize(text == null ? "" : text);
        List<int[]> spans = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        trie.parseText(s, (AhoCorasickDoubleArrayTrie.IHit<Double>) (b, e, v) -> {
            spans.add(new int[] {b, e});
            values.add(v);
        });
        Integer[] order = new Integer[spans.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.<Integer>comparingInt(i -> spans.get(i)[0])
                .thenComparingInt(i -> -spans.get(i)[1]));
        List<Sentiment.Hit> hits = new ArrayList<>();
        int covered = 0;
        double sum = 0;
        for (int i : order) {
            int b = spans.get(i)[0];
            int e = spans.get(i)[1];
            if (b < covered) {
                continue;
            }
            covered = e;
            double w = values.get(i);
            boolean negated = negated(s, b, hits);
            if (negated) {
                w = -0.5 * w;
            }
            if (w != 0) {
                sum += w;
                hits.add(new Sentiment.Hit(s.substring(b, e), b, e, w, negated));
            }
        }
        double score = Math.tanh(sum / 3.0);
        Sentiment.Label label = score <= -threshold ? Sentiment.Label.NEGATIVE
                : score >= threshold ? Sentiment.Label.POSITIVE : Sentiment.Label.NEUTRAL;
        return new Sentiment(label, score, hits);
    }

    private static boolean negated(String s, int start, List<Sentiment.Hit> previous) {
        int from = start;
        while (from > 0 && start - from < NEGATION_WINDOW && !CLAUSE_BREAKS.contains(s.charAt(from - 1))) {
            from--;
        }
        // a negator that is itself part of an earlier lexicon word does not count (e.g. 不便)
        int lastEnd = previous.isEmpty() ? 0 : previous.get(previous.size() - 1).end();
        from = Math.max(from, lastEnd);
        String window = s.substring(from, start);
        for (String n : NEGATORS) {
            if (window.contains(n)) {
                return true;
            }
        }
        return false;
    }
}
