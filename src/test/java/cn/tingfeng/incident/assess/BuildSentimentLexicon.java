package cn.tingfeng.incident.assess;

import com.hankcs.hanlp.HanLP;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rebuilds src/main/resources/incident/sentiment-ntusd-simplified.tsv from the NTUSD lexicon in
 * ../shared/data/sentiment-ntusd (Traditional), converted to Simplified with HanLP. Words listed as both
 * positive and negative and one-character words (too ambiguous for substring matching) are left out.
 *
 * <pre>java -cp ~/.m2/repository/com/hankcs/hanlp/portable-1.8.6/hanlp-portable-1.8.6.jar \
 *   src/test/java/cn/tingfeng/incident/assess/BuildSentimentLexicon.java ../shared/data/sentiment-ntusd \
 *   src/main/resources/incident/sentiment-ntusd-simplified.tsv</pre>
 */
public final class BuildSentimentLexicon {

    public static void main(String[] args) throws IOException {
        Path in = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Map<String, Integer> polarity = new TreeMap<>();
        Map<String, Boolean> conflicting = new TreeMap<>();
        read(in.resolve("positive-traditional.txt"), 1, polarity, conflicting);
        read(in.resolve("negative-traditional.txt"), -1, polarity, conflicting);
        List<String> lines = new ArrayList<>();
        lines.add("# NTUSD (National Taiwan University Sentiment Dictionary, MIT, ntunlplab/NTUSD a25ab90),");
        lines.add("# converted to Simplified Chinese with HanLP portable-1.8.6 by BuildSentimentLexicon.");
        lines.add("# word<TAB>weight (+1 positive, -1 negative)");
        polarity.forEach((w, p) -> {
            if (!conflicting.containsKey(w) && w.codePointCount(0, w.length()) >= 2) {
                lines.add(w + "\t" + p);
            }
        });
        Files.createDirectories(out.getParent());
        Files.write(out, lines, StandardCharsets.UTF_8);
        System.out.println("wrote " + (lines.size() - 3) + " words to " + out);
    }

    private static void read(Path p, int sign, Map<String, Integer> polarity, Map<String, Boolean> conflicting)
            throws IOException {
        for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
            String w = HanLP.convertToSimplifiedChinese(line.strip().replace("\uFEFF", ""));
            if (w.isEmpty()) {
                continue;
            }
            Integer old = polarity.put(w, sign);
            if (old != null && old != sign) {
                conflicting.put(w, true);
            }
        }
    }
}
