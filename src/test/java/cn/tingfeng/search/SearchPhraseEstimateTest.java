package cn.tingfeng.search;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tingfeng.post.PostStore;
import cn.tingfeng.source.Source;
import cn.tingfeng.testsupport.TestAccounts;
import cn.tingfeng.testsupport.TestSources;
import cn.tingfeng.web.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A quoted phrase over more candidates than {@code phrase-exact-limit} (2 here, 5,000 in production): the page holds
 * only posts with the phrase, in rank order, found by checking candidates in that order; the total is an estimate
 * ({@code totalExact=false}, 约 on the page) that is never below the hits seen and never above the candidates, and it
 * becomes exact once the candidates run out; the export checks them all.
 */
@QuarkusTest
@TestProfile(SearchPhraseEstimateTest.LowLimits.class)
class SearchPhraseEstimateTest {
    public static class LowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tingfeng.search.index-on-store", "true", "tingfeng.search.phrase-exact-limit", "2",
                    "tingfeng.search.phrase-sample", "2");
        }
    }

    @Inject
    PostStore store;
    @Inject
    TestSources sources;

    @Test
    void aPhraseOverManyCandidatesIsPagedInRankOrderWithAnEstimatedTotal() {
        String tag = SearchApiTest.tag();
        Source s = sources.create("phrase-" + tag);
        Instant at = Instant.parse("2030-06-01T02:00:00Z");
        // 50 candidates (both words), 25 with the phrase: newer ones first in rank (same weight)
        for (int i = 0; i < 50; i++) {
            String body = i % 2 == 0 ? "网友 " + tag + " 反映小区停电已两天。" : "网友 " + tag + " 反映停电，涉及多个小区。";
            store.store(new PostStore.Incoming(s, "https://phrase.example.cn/" + tag + "/" + i + ".html", "居民反映 " + i, body, "网友",
                    at.plus(Duration.ofMinutes(i)), "web", null));
        }
        JsonPath first = TestAccounts.as("t-analyst").get("/api/search?size=5&q=" + tag + " \"小区停电\"").then().statusCode(200)
                .extract().jsonPath();
        List<String> snippets = first.getList("items.snippet");
        assertThat(snippets).hasSize(5).allMatch(x -> x.contains("<mark>小区停电</mark>") || x.contains("<mark>小区</mark><mark>停电</mark>")
                || x.replace("<mark>", "").replace("</mark>", "").contains("小区停电"));
        assertThat(first.getBoolean("totalExact")).isFalse();
        assertThat(first.getLong("total")).isBetween(5L, 50L);
        List<String> published = first.getList("items.publishedAt");
        assertThat(published).isSortedAccordingTo(java.util.Comparator.reverseOrder());

        // the second page of 20: the candidates run out, so the total is known
        JsonPath second = TestAccounts.as("t-analyst").get("/api/search?size=20&page=1&q=" + tag + " \"小区停电\"").then().statusCode(200)
                .extract().jsonPath();
        assertThat(second.getList("items")).hasSize(5);
        assertThat(second.getBoolean("totalExact")).isTrue();
        assertThat(second.getLong("total")).isEqualTo(25);

        // the export checks every candidate
        String csv = TestAccounts.as("t-analyst").get("/api/search/export?format=csv&q=" + tag + " \"小区停电\"").then().statusCode(200)
                .extract().asString();
        assertThat(csv.lines().filter(l -> l.contains("反映小区停电")).count()).isEqualTo(25);
        assertThat(csv).doesNotContain("涉及多个小区");

        // without quotes all 50 are hits, counted exactly
        JsonPath words = TestAccounts.as("t-analyst").get("/api/search?q=" + tag + " 小区 停电").then().statusCode(200).extract().jsonPath();
        assertThat(words.getLong("total")).isEqualTo(50);
        assertThat(words.getBoolean("totalExact")).isTrue();

        String page = WebSession.as("t-analyst").get("/app/search?q=" + tag + " \"小区停电\"").then().statusCode(200).extract().asString();
        assertThat(page).contains("约 ").contains("估计值");
    }
}
