package cn.tingfeng.jurisdiction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Accuracy on ../shared/fixtures/classify-dev.jsonl (the product is judged on unseen posts; no per-post cases). */
class DevFixtureAccuracyTest {

    static Path shared() {
        return Path.of(System.getProperty("tingfeng.shared", Path.of("..", "shared").toString()));
    }

    @Test
    void meetsLevelTerritoryLeadAndGradeTargetsOnTheDevFixtures() throws Exception {
        Path file = shared().resolve("fixtures/classify-dev.jsonl");
        Assumptions.assumeTrue(Files.exists(file), "../shared not present: skipping fixture test");
        ResponsibilityClassifier classifier = ResponsibilityClassifier.shipped();
        ObjectMapper json = new ObjectMapper();
        int n = 0, levelOk = 0, leadOk = 0, gradeGiven = 0, gradeOk = 0;
        List<String> misses = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank()) continue;
            JsonNode post = json.readTree(line);
            JsonNode expect = post.get("expect");
            Classification c = classifier.classify(post.get("title").asText(), post.get("text").asText());
            n++;
            String expLevel = expect.get("level").asText();
            String expTerritory = expect.get("territory").isNull() ? null : expect.get("territory").asText();
            boolean lvl = c.level().code().equals(expLevel) && java.util.Objects.equals(c.territory(), expTerritory);
            if (lvl) levelOk++;
            List<String> acceptable = new ArrayList<>();
            expect.get("lead").forEach(x -> acceptable.add(x.asText()));
            boolean ld = acceptable.isEmpty() ? c.lead() == null : c.lead() != null && acceptable.contains(c.lead().category());
            if (ld) leadOk++;
            if (expect.has("grade") && !expect.get("grade").isNull()) {
                gradeGiven++;
                if (c.grade() != null && c.grade().name().equals(expect.get("grade").asText())) gradeOk++;
                else misses.add(post.get("id").asText() + " grade " + c.grade() + " expected " + expect.get("grade").asText());
            }
            if (!lvl || !ld) misses.add(post.get("id").asText() + " got " + c.level().code() + "/" + c.territory() + "/"
                    + (c.lead() == null ? null : c.lead().category()) + " expected " + expLevel + "/" + expTerritory + "/" + acceptable
                    + " " + c.rationale());
        }
        double levelAcc = (double) levelOk / n, leadAcc = (double) leadOk / n;
        System.out.printf("classify-dev: %d posts, level+territory %.1f%%, lead %.1f%%, grade %d/%d%n",
                n, 100 * levelAcc, 100 * leadAcc, gradeOk, gradeGiven);
        misses.forEach(m -> System.out.println("  miss " + m));
        assertThat(levelAcc).isGreaterThanOrEqualTo(0.95);
        assertThat(leadAcc).isGreaterThanOrEqualTo(0.90);
        assertThat(gradeOk).isEqualTo(gradeGiven);
    }
}
