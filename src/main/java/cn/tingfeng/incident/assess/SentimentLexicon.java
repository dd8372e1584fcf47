package cn.tingfeng.incident.assess;

import cn.tingfeng.shared.text.TextNormalizer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Word → weight. The shipped lexicon is NTUSD converted to Simplified characters
 * ({@code incident/sentiment-ntusd-simplified.tsv}) overlaid with the public-opinion domain words
 * ({@code incident/sentiment-domain.tsv}). Lines are {@code word<TAB>weight}; '#' starts a comment.
 */
public record SentimentLexicon(Map<String, Double> weights) {

    public SentimentLexicon {
        Map<String, Double> m = new HashMap<>();
        weights.forEach((w, v) -> m.put(TextNormalizer.normalize(w), v));
        weights = Map.copyOf(m);
    }

    private static volatile SentimentLexicon shipped;

    public static SentimentLexicon shipped() {
        SentimentLexicon s = shipped;
        if (s == null) {
            Map<String, Double> m = new HashMap<>();
            read("/incident/sentiment-ntusd-simplified.tsv", m);
            read("/incident/sentiment-domain.tsv", m);
            s = new SentimentLexicon(m);
            shipped = s;
        }
        return s;
    }

    /** Reads a tsv resource into the map (later files override earlier ones). */
    public static void read(String resource, Map<String, Double> into) {
        try (InputStream in = SentimentLexicon.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                if (f.length == 2) {
                    into.put(f[0].strip(), Double.parseDouble(f[1].strip()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
