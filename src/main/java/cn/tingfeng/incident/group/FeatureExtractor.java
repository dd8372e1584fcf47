package cn.tingfeng.incident.group;

import cn.tingfeng.shared.text.TextNormalizer;
import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.dictionary.stopword.CoreStopWordDictionary;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a post into {@link PostFeatures} with HanLP: segmentation with place, person and organisation
 * recognition; word weights are sublinear TF × IDF, the IDF estimated from HanLP's core dictionary
 * frequencies (a word unknown to the dictionary is rare, hence telling). The title counts twice.
 * Places come from the supplied {@link PlaceSet} (with ancestors) and from HanLP's ns words.
 */
public final class FeatureExtractor {

    private static final double DICTIONARY_SCALE = 100_000;

    private final PlaceSet places;
    private final ThreadLocal<Segment> segment = ThreadLocal.withInitial(() -> HanLP.newSegment()
            .enablePlaceRecognize(true).enableOrganizationRecognize(true).enableNameRecognize(true));

    public FeatureExtractor(PlaceSet places) {
        this.places = places;
    }

    public PostFeatures extract(String title, String text) {
        String t = TextNormalizer.normalize(title == null ? "" : title);
        String b = TextNormalizer.normalize(text == null ? "" : text);
        Map<String, Double> tf = new HashMap<>();
        Set<String> foundPlaces = new LinkedHashSet<>(places.find(t));
        foundPlaces.addAll(places.find(b));
        Set<String> entities = new LinkedHashSet<>();
        for (int pass = 0; pass < 2; pass++) {
            String s = pass == 0 ? t : b;
            double w = pass == 0 ? 2.0 : 1.0;
            if (s.isBlank()) {
                continue;
            }
            List<Term> terms = segment.get().seg(s);
            for (Term term : terms) {
                String word = term.word.strip();
                String nature = term.nature == null ? "" : term.nature.toString();
                if (word.isEmpty() || nature.startsWith("w") || CoreStopWordDictionary.contains(word)
                        || !hasContent(word)) {
                    continue;
                }
                if (nature.startsWith("ns") && word.length() >= 2) {
                    foundPlaces.add(word);
                } else if ((nature.startsWith("nr") || nature.startsWith("nt")) && word.length() >= 2) {
                    entities.add(word);
                }
                if (word.length() >= 2 || nature.startsWith("n") || nature.startsWith("v")) {
                    tf.merge(word, w, Double::sum);
                }
            }
        }
        Map<String, Double> words = new HashMap<>();
        tf.forEach((word, count) -> words.put(word, (1 + Math.log(count)) * idf(word)));
        return new PostFeatures(Vectors.normalise(words), Vectors.normalise(bigrams(t, b)), foundPlaces, entities,
                EventTypes.of(t + "\n" + b));
    }

    private static boolean hasContent(String w) {
        for (int i = 0; i < w.length(); i++) {
            if (Character.isLetter(w.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    static double idf(String word) {
        int f = CoreDictionary.getTermFrequency(word);
        return Math.log(1 + DICTIONARY_SCALE / (f + 1.0));
    }

    private static Map<String, Double> bigrams(String title, String text) {
        Map<String, Double> m = new HashMap<>();
        addBigrams(m, TextNormalizer.contentChars(title), 2.0);
        addBigrams(m, TextNormalizer.contentChars(text), 1.0);
        m.replaceAll((k, v) -> 1 + Math.log(v));
        return m;
    }

    private static void addBigrams(Map<String, Double> m, String c, double w) {
        for (int i = 0; i + 2 <= c.length(); i++) {
            m.merge(c.substring(i, i + 2), w, Double::sum);
        }
    }
}
