package cn.tingfeng.jurisdiction;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

/** Prints the mean time per classification (target &lt; 1 ms). Run: ./mvnw -q -o -Pbench test -Dtest=ClassifierBenchmark */
@Tag("benchmark")
class ClassifierBenchmark {

    @Test
    void meanMillisecondsPerClassification() throws Exception {
        long t0 = System.nanoTime();
        ResponsibilityClassifier c = ResponsibilityClassifier.shipped();
        long build = System.nanoTime() - t0;
        List<String[]> posts = new ArrayList<>();
        for (JsonNode p : PostCorpus.readResource("/jurisdiction-test/own-posts.jsonl"))
            posts.add(new String[]{p.get("title").asText(), p.get("text").asText()});
        List<String[]> letters = new ArrayList<>();
        for (String set : List.of("a", "b", "c"))
            for (JsonNode p : PostCorpus.readResource("/jurisdiction-test/citizen/citizen-" + set + ".jsonl"))
                letters.add(new String[]{p.get("title").asText(), p.get("text").asText()});
        double lettersMean = mean(c, letters, 10_000, 30_000);
        System.out.printf("citizens' messages: %d distinct (mean %d characters), mean %.4f ms per message%n", letters.size(),
                letters.stream().mapToInt(x -> x[0].length() + x[1].length()).sum() / letters.size(), lettersMean);
        // real letters are longer than ours: five of them joined (≈ 420 characters) stand in for a long one
        List<String[]> longLetters = new ArrayList<>();
        for (int i = 0; i + 5 <= letters.size(); i += 5) {
            StringBuilder b = new StringBuilder();
            for (int k = i; k < i + 5; k++) b.append(letters.get(k)[1]).append('\n');
            longLetters.add(new String[]{letters.get(i)[0], b.toString()});
        }
        double longMean = mean(c, longLetters, 5_000, 20_000);
        System.out.printf("long messages: %d (mean %d characters), mean %.4f ms per message%n", longLetters.size(),
                longLetters.stream().mapToInt(x -> x[0].length() + x[1].length()).sum() / longLetters.size(), longMean);
        int warm = 20_000, runs = 50_000;
        long sink = 0;
        for (int i = 0; i < warm; i++) sink += c.classify(posts.get(i % posts.size())[0], posts.get(i % posts.size())[1]).rationale().size();
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) sink += c.classify(posts.get(i % posts.size())[0], posts.get(i % posts.size())[1]).rationale().size();
        double mean = (System.nanoTime() - start) / 1e6 / runs;
        System.out.printf("classifier build %.0f ms; %d classifications, mean %.4f ms per post (sink %d)%n", build / 1e6, runs, mean, sink);
        cn.tingfeng.bench.BenchResults.write("classify", java.util.Map.of("classify.meanMs", mean, "classify.buildMs", build / 1e6,
                "classify.classificationsPerSecond", 1000 / mean, "classify.citizenMessagesMeanMs", lettersMean, "classify.longMessagesMeanMs", longMean));
    }

    private static double mean(ResponsibilityClassifier c, List<String[]> posts, int warm, int runs) {
        long sink = 0;
        for (int i = 0; i < warm; i++) sink += c.classify(posts.get(i % posts.size())[0], posts.get(i % posts.size())[1]).rationale().size();
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) sink += c.classify(posts.get(i % posts.size())[0], posts.get(i % posts.size())[1]).rationale().size();
        if (sink == 42) System.out.print("");
        return (System.nanoTime() - start) / 1e6 / runs;
    }
}
