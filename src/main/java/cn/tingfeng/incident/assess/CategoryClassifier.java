package cn.tingfeng.incident.assess;

import cn.tingfeng.shared.text.TextNormalizer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Art. 18 category by keyword rules: each category sums the weights of its keywords present in the title
 * (counted twice) and text; the best category with at least {@code 1.0} wins. Ties go to the more serious
 * category (order of {@link #PRIORITY}). The analyst always has the last word.
 */
public final class CategoryClassifier {

    /** A keyword rule. */
    public record KeywordRule(Art18Category category, double weight, String word) {
        public KeywordRule {
            word = TextNormalizer.normalize(word);
        }
    }

    public record CategoryScore(Art18Category category, double score, Set<String> keywords) {
        public CategoryScore {
            keywords = Set.copyOf(keywords);
        }
    }

    /** The winner (empty when no category reached the minimum) and every category that scored. */
    public record Result(Optional<Art18Category> category, List<CategoryScore> scores) {
        public Result {
            scores = List.copyOf(scores);
        }
    }

    static final List<Art18Category> PRIORITY = List.of(Art18Category.MAJOR_EMERGENCY,
            Art18Category.FALSE_INFORMATION, Art18Category.IMAGE_DAMAGING, Art18Category.MAJOR_DECISION,
            Art18Category.ECONOMY_REFORM, Art18Category.PUBLIC_INTEREST_REPORT, Art18Category.LIVELIHOOD_MORALITY);

    private static final double MINIMUM = 1.0;

    private final List<KeywordRule> rules;

    public CategoryClassifier(List<KeywordRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The rules shipped in {@code incident/art18-keywords.tsv}. */
    public static CategoryClassifier shipped() {
        List<KeywordRule> rules = new ArrayList<>();
        try (InputStream in = CategoryClassifier.class.getResourceAsStream("/incident/art18-keywords.tsv")) {
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                rules.add(new KeywordRule(Art18Category.fromCode(f[0]), Double.parseDouble(f[1]), f[2]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CategoryClassifier(rules);
    }

    public Result classify(String title, String text) {
        String t = TextNormalizer.normalize(title == null ? "" : title);
        String b = TextNormalizer.normalize(text == null ? "" : text);
        Map<Art18Category, Double> score = new EnumMap<>(Art18Category.class);
        Map<Art18Category, Set<String>> words = new EnumMap<>(Art18Category.class);
        for (KeywordRule r : rules) {
            double w = (t.contains(r.word()) ? 2 * r.weight() : 0) + (b.contains(r.word()) ? r.weight() : 0);
            if (w > 0) {
                score.merge(r.category(), w, Double::sum);
                words.computeIfAbsent(r.category(), k -> new LinkedHashSet<>()).add(r.word());
            }
        }
        List<CategoryScore> scores = new ArrayList<>();
        score.forEach((c, s) -> scores.add(new CategoryScore(c, s, words.get(c))));
        scores.sort(Comparator.comparingDouble(CategoryScore::score).reversed()
                .thenComparingInt(cs -> PRIORITY.indexOf(cs.category())));
        Optional<Art18Category> best = scores.isEmpty() || scores.get(0).score() < MINIMUM ? Optional.empty()
                : Optional.of(scores.get(0).category());
        return new Result(best, scores);
    }
}
