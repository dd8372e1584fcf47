package cn.tingfeng.incident.triage;

import static cn.tingfeng.testsupport.TestAccounts.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import cn.tingfeng.post.PostStore;
import cn.tingfeng.source.Source;
import cn.tingfeng.testsupport.MutableClock;
import cn.tingfeng.testsupport.PoisonPill;
import cn.tingfeng.testsupport.TestSources;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The durable queue between PostStore and the pipeline: a post is queued in its storing transaction; a post whose
 * processing throws does not hold back the others of its batch, is retried with backoff, parked after the last
 * attempt, shown to the administrator and retried on request; a plan saved after posts arrived finds them.
 */
@QuarkusTest
class PipelineQueueTest {
    @Inject
    PostStore store;
    @Inject
    TestSources sources;
    @Inject
    IncidentPipeline pipeline;
    @Inject
    MutableClock clock;
    @Inject
    EntityManager em;

    @AfterEach
    void reset() {
        PoisonPill.armed = false;
        clock.reset();
    }

    Long post(Source s, String url, String title, String body, Instant at) {
        return store.store(new PostStore.Incoming(s, url, title, body, "网友", at, "web", null)).postId();
    }

    long queued(Long postId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from post_queue where post_id = ?1").setParameter(1, postId).getSingleResult()).longValue());
    }

    Long incidentOf(Long postId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> r = em.createNativeQuery("select incident_id from incident_post where post_id = ?1")
                    .setParameter(1, postId).getResultList();
            return r.isEmpty() ? null : ((Number) r.get(0)).longValue();
        });
    }

    @Test
    void aFailingPostIsRetriedThenParkedVisibleAndRetriedOnRequestWithoutHoldingBackItsBatch() {
        String key = "poison-" + UUID.randomUUID();
        Source src = sources.create(key);
        as("t-analyst").body(Map.of("name", "毒丸测试-" + key, "rule", "锅炉房 AND 漏水", "sources", List.of(src.key)))
                .post("/api/plans").then().statusCode(201);
        Instant now = Instant.parse("2031-03-02T02:00:00Z");
        clock.set(now);
        PoisonPill.armed = true;
        // both posts in one transaction, hence one batch
        Long[] ids = QuarkusTransaction.requiringNew().call(() -> new Long[] {
                post(src, "https://bbs.example.cn/" + key + "/bad", PoisonPill.MARK + "海州区某小区锅炉房漏水",
                        "海州区某小区锅炉房漏水三天无人处理，热水流到马路上结冰。", now.minusSeconds(600)),
                post(src, "https://bbs.example.cn/" + key + "/good", "赣榆区青口镇学校锅炉房漏水",
                        "赣榆区青口镇一所学校锅炉房漏水，学生宿舍停了暖气，家长十分着急。", now.minusSeconds(300))});
        Long bad = ids[0];
        Long good = ids[1];
        assertThat(incidentOf(good)).as("the healthy post of the batch went through").isNotNull();
        assertThat(incidentOf(bad)).isNull();
        assertThat(queued(bad)).as("the failing post stays queued").isEqualTo(1);
        assertThat(queued(good)).isZero();

        // retried with a doubling backoff (10 s, 20 s, 40 s, 80 s), parked at the fifth failure
        for (int attempt = 2; attempt <= 5; attempt++) {
            pipeline.drain();
            JsonPath before = as("t-admin").get("/api/admin/pipeline").then().statusCode(200).extract().jsonPath();
            assertThat(before.getLong("retrying")).as("not due yet: nothing tried").isGreaterThanOrEqualTo(1);
            clock.set(clock.instant().plus(Duration.ofSeconds(10L << (attempt - 2)).plusSeconds(1)));
            pipeline.drain();
        }
        JsonPath status = as("t-admin").get("/api/admin/pipeline").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> parked = status.getList("parkedPosts");
        Map<String, Object> row = parked.stream().filter(p -> ((Number) p.get("postId")).longValue() == bad).findFirst()
                .orElseThrow(() -> new AssertionError("post " + bad + " not parked: " + parked));
        assertThat(((Number) row.get("attempts")).intValue()).isEqualTo(5);
        assertThat((String) row.get("lastError")).contains("poison pill");
        assertThat(status.getLong("parked")).isGreaterThanOrEqualTo(1);
        clock.set(clock.instant().plus(Duration.ofDays(1)));
        pipeline.drain();
        assertThat(incidentOf(bad)).as("a parked post is not tried again by itself").isNull();
        as("t-analyst").post("/api/admin/pipeline/parked/retry").then().statusCode(403);
        as("t-admin").get("/q/metrics").then().statusCode(200).body(containsString("tingfeng_pipeline_parked"));

        PoisonPill.armed = false;  // the cause is fixed; the administrator retries
        long queueId = ((Number) row.get("id")).longValue();
        as("t-admin").post("/api/admin/pipeline/parked/" + queueId + "/retry").then().statusCode(200);
        pipeline.drain();
        assertThat(incidentOf(bad)).as("retried and processed").isNotNull();
        assertThat(queued(bad)).isZero();
        as("t-admin").post("/api/admin/pipeline/parked/" + queueId + "/retry").then().statusCode(404);
    }

    @Test
    void theDashboardsAndAlertRulesUseThePipelineMetricsTheApplicationExposes() throws Exception {
        String metrics = as("t-admin").get("/q/metrics").then().statusCode(200).extract().asString();
        String rules = java.nio.file.Files.readString(java.nio.file.Path.of("dashboards/alert-rules.yml"));
        String dashboard = java.nio.file.Files.readString(java.nio.file.Path.of("dashboards/operations.json"));
        assertThat(rules).contains("max(tingfeng_pipeline_lag_seconds) > 120");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("tingfeng_pipeline_[a-z_]+").matcher(rules + dashboard);
        int names = 0;
        while (m.find()) {
            String name = m.group();
            assertThat(metrics).as(name + " is exposed").containsPattern("(?m)^" + name + "(\\{| )");
            names++;
        }
        assertThat(names).isGreaterThanOrEqualTo(6);
    }

    @Test
    void aPlanSavedAfterThePostsArrivedFindsThem() {
        String key = "backfill-" + UUID.randomUUID();
        Source src = sources.create(key);
        Instant now = Instant.parse("2031-04-10T08:00:00Z");
        clock.set(now);
        Long old = post(src, "https://news.example.cn/" + key + "/old", "灌云县伊山镇自来水发黄",
                "灌云县伊山镇多个小区自来水发黄有异味，居民不敢饮用，供水公司尚未回应。", now.minus(Duration.ofDays(10)));
        Long recent = post(src, "https://news.example.cn/" + key + "/recent", "灌云县伊山镇自来水发黄 居民排队接水",
                "灌云县伊山镇自来水发黄问题持续，居民排队到消防栓接水，供水公司称正在检修管网。", now.minus(Duration.ofDays(2)));
        assertThat(incidentOf(recent)).as("no plan yet: stored, not grouped").isNull();

        as("t-analyst").body(Map.of("name", "供水监测-" + key, "rule", "自来水 AND 发黄", "sources", List.of(src.key)))
                .post("/api/plans").then().statusCode(201);
        pipeline.drain();
        Long incident = incidentOf(recent);
        assertThat(incident).as("the last 7 days are matched again through the queue").isNotNull();
        assertThat(incidentOf(old)).as("older than the backfill window").isNull();
        as("t-analyst").get("/api/incidents/" + incident).then().statusCode(200).body(containsString("自来水"));
        String audited = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select payload from audit_log where action = 'incident.created' and subject_type = 'incident' and subject_id = ?1")
                .setParameter(1, String.valueOf(incident)).getSingleResult());
        assertThat(audited).as("the pipeline's incident is in the audit chain").contains(String.valueOf(recent));
        as("t-supervisor").get("/api/audit/verify").then().statusCode(200).body("ok", org.hamcrest.Matchers.equalTo(true));
    }
}
