package cn.tingfeng.jurisdiction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Scores a classifier on posts in the classify-dev.jsonl format; prints the misses. */
final class PostCorpus {

    record Score(int posts, int levelOk, int leadOk, int gradeGiven, int gradeOk, List<String> misses) {
        double levelAccuracy() {
            return (double) levelOk / posts;
        }

        double leadAccuracy() {
            return (double) leadOk / posts;
        }

        void print(String name) {
            System.out.printf("%s: %d posts, level+territory %.1f%%, lead %.1f%%, grade %d/%d%n",
                    name, posts, 100 * levelAccuracy(), 100 * leadAccuracy(), gradeOk, gradeGiven);
            misses.forEach(m -> System.out.println("  miss " + m));
        }
    }

    private PostCorpus() {
    }

    static List<JsonNode> read(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r);
        }
    }

    static List<JsonNode> readResource(String resource) throws IOException {
        try (Reader r = new InputStreamReader(Objects.requireNonNull(PostCorpus.class.getResourceAsStream(resource)), StandardCharsets.UTF_8)) {
            return read(r);
        }
    }

    private static List<JsonNode> read(Reader reader) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> posts = new ArrayList<>();
        BufferedReader br = new BufferedReader(reader);
        for (String line; (line = br.readLine()) != null; ) if (!line.isBlank()) posts.add(json.readTree(line));
        return posts;
    }

    static Score score(ResponsibilityClassifier classifier, List<JsonNode> posts) {
        int levelOk = 0, leadOk = 0, gradeGiven = 0, gradeOk = 0;
        List<String> misses = new ArrayList<>();
        for (JsonNode post : posts) {
            JsonNode expect = post.get("expect");
            Classification c = classifier.classify(post.get("title").asText(), post.get("text").asText());
            String expLevel = expect.get("level").asText();
            String expTerritory = expect.get("territory") == null || expect.get("territory").isNull() ? null : expect.get("territory").asText();
            boolean lvl = c.level().code().equals(expLevel) && Objects.equals(c.territory(), expTerritory);
            if (lvl) levelOk++;
            List<String> acceptable = new ArrayList<>();
            expect.get("lead").forEach(x -> acceptable.add(x.asText()));
            boolean ld = acceptable.isEmpty() ? c.lead() == null : c.lead() != null && acceptable.contains(c.lead().category());
            if (ld) leadOk++;
            String id = post.get("id").asText();
            if (expect.has("grade") && !expect.get("grade").isNull()) {
                gradeGiven++;
                if (c.grade() != null && c.grade().name().equals(expect.get("grade").asText())) gradeOk++;
                else misses.add(id + " grade " + c.grade() + " expected " + expect.get("grade").asText() + " " + c.rationale());
            }
            if (!lvl || !ld) misses.add(id + " got " + c.level().code() + "/" + c.territory() + "/"
                    + (c.lead() == null ? null : c.lead().category()) + " expected " + expLevel + "/" + expTerritory + "/" + acceptable
                    + " " + c.rationale());
        }
        return new Score(posts.size(), levelOk, leadOk, gradeGiven, gradeOk, misses);
    }
}
