package cn.tingfeng.incident.triage;

import static io.restassured.RestAssured.given;

import cn.tingfeng.post.PostStore;
import cn.tingfeng.testsupport.MutableClock;
import cn.tingfeng.testsupport.TestAccounts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The whole pipeline (PostStore → match → de-duplicate → group → assess → alert queue) on the dev fixture posts
 * (../shared/fixtures/classify-dev.jsonl), each followed by reposts with edits and page furniture. Prints posts/s,
 * how many incidents came out and whether every repost joined its original's incident.
 * Run: ./mvnw -q -o -Pbench test -Dtest=PipelineBenchmark
 */
@QuarkusTest
@Tag("benchmark")
class PipelineBenchmark {
    static final int REPOSTS = 4;

    @Inject
    PostStore store;
    @Inject
    MutableClock clock;

    @Test
    void pipelineThroughputAndGrouping() throws Exception {
        Path file = Path.of(System.getProperty("tingfeng.shared", "../shared"), "fixtures/classify-dev.jsonl");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(file), "../shared not present: skipping the pipeline benchmark");
        List<JsonNode> posts = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                posts.add(json.readTree(line));
            }
        }
        String run = Long.toString(System.nanoTime(), 36);
        given().auth().preemptive().basic("t-analyst", TestAccounts.PASSWORD).contentType("application/json")
                .body(Map.of("name", "bench-" + run, "rule", "连云港 OR 灌云 OR 灌南 OR 东海 OR 赣榆 OR 海州 OR 连云区 OR 徐圩"))
                .post("/api/plans").then().statusCode(201);
        Instant t0 = Instant.parse("2035-01-10T00:00:00Z");
        Random rnd = new Random(7);
        Map<Long, Long> originalOf = new HashMap<>();
        List<Long> originals = new ArrayList<>();
        // warm-up (HanLP dictionaries, lexicons, the matcher): not timed
        clock.set(t0.minus(Duration.ofDays(30)));
        store.store(new PostStore.Incoming(null, "https://bench.example.cn/" + run + "/warm-up", "连云港预热", "连云港一条预热用的帖子，"
                + "内容与后面的事件无关。", "网友", t0.minus(Duration.ofDays(30)), "web", null));
        int stored = 0;
        long start = System.nanoTime();
        for (int i = 0; i < posts.size(); i++) {
            JsonNode p = posts.get(i);
            Instant at = t0.plus(Duration.ofMinutes(20L * i));
            clock.set(at.plus(Duration.ofMinutes(1)));
            Long id = store.store(new PostStore.Incoming(null, "https://bench.example.cn/" + run + "/" + i,
                    p.get("title").asText(), p.get("text").asText(), "网友", at, "web", null)).postId();
            originals.add(id);
            stored++;
            for (int k = 0; k < REPOSTS; k++) {
                String text = "转载 " + edit(p.get("text").asText(), rnd) + " 来源：网络 热点推荐 相关阅读 版权声明";
                clock.set(at.plus(Duration.ofMinutes(2 + k)));
                Long r = store.store(new PostStore.Incoming(null, "https://mirror" + k + ".example.cn/" + run + "/" + i,
                        p.get("title").asText(), text, "转载", at.plus(Duration.ofMinutes(1 + k)), k % 2 == 0 ? "web" : "weibo",
                        null)).postId();
                originalOf.put(r, id);
                stored++;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<Long, Long> incidentOfPost = new HashMap<>();
        var spec = given().auth().preemptive().basic("t-analyst", TestAccounts.PASSWORD);
        for (Object id : spec.get("/api/incidents?size=200").then().extract().jsonPath().getList("items.id")) {
            for (Object post : spec.get("/api/incidents/" + id + "/posts").then().extract().jsonPath().getList("postId")) {
                incidentOfPost.put(((Number) post).longValue(), ((Number) id).longValue());
            }
        }
        Set<Long> incidents = new HashSet<>();
        int grouped = 0;
        for (Long o : originals) {
            if (incidentOfPost.containsKey(o)) {
                incidents.add(incidentOfPost.get(o));
                grouped++;
            }
        }
        long ofGrouped = originalOf.values().stream().filter(incidentOfPost::containsKey).count();
        long joined = originalOf.entrySet().stream().filter(e -> incidentOfPost.get(e.getKey()) != null
                && incidentOfPost.get(e.getKey()).equals(incidentOfPost.get(e.getValue()))).count();
        System.out.printf("pipeline: %d posts (%d originals + %d reposts) in %.1f s = %.1f posts/s; %d originals grouped"
                        + " into %d incidents (the others match no plan); reposts of grouped originals in their original's incident:"
                        + " %d/%d%n", stored, originals.size(), originalOf.size(), seconds, stored / seconds, grouped,
                incidents.size(), joined, ofGrouped);
        cn.tingfeng.bench.BenchResults.write("pipeline-inline", Map.of("pipeline.inline.postsPerSecond", stored / seconds,
                "pipeline.inline.incidents", incidents.size(), "pipeline.inline.repostsJoinedRatio",
                ofGrouped == 0 ? 0.0 : (double) joined / ofGrouped));
        clock.reset();
    }

    private static String edit(String text, Random rnd) {
        StringBuilder b = new StringBuilder(text);
        for (int k = 0; k < 2; k++) {
            b.setCharAt(rnd.nextInt(b.length()), '的');
        }
        return b.toString();
    }
}
