package cn.tingfeng.jurisdiction.proposal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import cn.tingfeng.incident.Incident;
import cn.tingfeng.incident.IncidentCreated;
import cn.tingfeng.incident.IncidentRepository;
import cn.tingfeng.post.Post;
import cn.tingfeng.post.PostRepository;
import cn.tingfeng.testsupport.MutableClock;
import cn.tingfeng.testsupport.TestAccounts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProposalTest {
    @Inject
    IncidentRepository incidents;
    @Inject
    PostRepository posts;
    @Inject
    Event<IncidentCreated> created;
    @Inject
    MutableClock clock;

    static RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, TestAccounts.PASSWORD).contentType("application/json");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** Creates an incident with one post the way the incident feature does: persist, then fire the event. */
    Long incident(String title, String summary, String postBody) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            Post p = new Post();
            p.url = "https://example.org/" + UUID.randomUUID();
            p.canonicalUrl = p.url;
            p.urlHash = UUID.randomUUID().toString().replace("-", "") + "0".repeat(32);
            p.title = title;
            p.body = postBody;
            p.fetchedAt = now;
            posts.persist(p);
            Incident i = new Incident();
            i.title = title;
            i.summary = summary;
            i.startedAt = now;
            i.createdAt = now;
            i.updatedAt = now;
            i.posts.add(p);
            incidents.persist(i);
            created.fire(new IncidentCreated(i.id));
            return i.id;
        });
    }

    @Test
    void aNewIncidentGetsTheClassifiersProposalInTheCreatingTransaction() {
        clock.set(Instant.parse("2026-03-02T08:00:00Z"));
        Long id = incident("灌南县一化工园区夜间偷排废水", "群众反映夜间有刺鼻气味。",
                "灌南县堆沟港镇化工园区附近村民反映，有企业夜间偷排废水，河水发黑。");
        for (String role : List.of("analyst", "admin", "leader", "supervisor"))
            as(TestAccounts.userFor(role)).get("/api/incidents/" + id + "/proposal").then().statusCode(200)
                    .body("incidentId", equalTo(id.intValue()))
                    .body("level", equalTo("county"))
                    .body("territory", equalTo("灌南县"))
                    .body("lead.category", equalTo("ecology-environment"))
                    .body("lead.unit", equalTo("灌南县生态环境局"))
                    .body("lead.unitId", notNullValue())
                    .body("rationale", hasItem(startsWith("属地：")))
                    .body("classifierVersion", startsWith("data:"))
                    .body("createdAt", equalTo("2026-03-02T08:00:00Z"))
                    .body("corrected", equalTo(false))
                    .body("current.lead.unit", equalTo("灌南县生态环境局"));
        as("t-department").get("/api/incidents/" + id + "/proposal").then().statusCode(403);
        as("t-analyst").get("/api/incidents/999999999/proposal").then().statusCode(404).body("error", equalTo("not_found"));
    }

    @Test
    void correctionsNeedAReasonAndValidFieldsAndKeepTheProposal() {
        Long id = incident("东海县一小区业主反映物业乱收费", "", "东海县牛山街道某小区物业公司乱收停车费，业主不满。");
        String url = "/api/incidents/" + id + "/proposal/corrections";
        as("t-analyst").body(Map.of("level", "county", "territory", "东海县", "leadCategory", "market-regulation"))
                .post(url).then().statusCode(400).body("details.field", contains("reason"));
        as("t-analyst").body(Map.of("level", "town", "reason", " ")).post(url).then().statusCode(400)
                .body("details.field", contains("level", "reason"));
        as("t-analyst").body(Map.of("level", "county", "leadCategory", "market-regulation", "reason", "收费属价格监管"))
                .post(url).then().statusCode(400).body("details.field", contains("territory"));
        as("t-analyst").body(Map.of("level", "county", "territory", "东海县", "leadCategory", "prices", "reason", "收费属价格监管"))
                .post(url).then().statusCode(400).body("details.field", contains("leadCategory"));
        as("t-analyst").body(Map.of("level", "county", "territory", "北京市", "leadCategory", "market-regulation", "reason", "x"))
                .post(url).then().statusCode(400).body("details.field", contains("territory"));
        as("t-analyst").body(Map.of("level", "county", "territory", "东海县", "leadCategory", "market-regulation",
                        "coCategories", List.of("market-regulation"), "reason", "x"))
                .post(url).then().statusCode(400).body("details.field", contains("coCategories"));
        as("t-analyst").get("/api/incidents/" + id + "/proposal").then().body("corrected", equalTo(false));

        as("t-analyst").body(Map.of("level", "county", "territory", "东海县", "leadCategory", "market-regulation",
                        "coCategories", List.of("housing-construction"), "reason", "乱收停车费属价格违法，由市场监管牵头"))
                .post(url).then().statusCode(201)
                .body("correctedBy", equalTo("t-analyst"))
                .body("before.lead.category", equalTo("housing-construction"))
                .body("after.lead.unit", equalTo("东海县市场监督管理局"))
                .body("after.co[0].unit", equalTo("东海县住房和城乡建设局"));
        as("t-leader").get("/api/incidents/" + id + "/proposal").then().statusCode(200)
                .body("lead.category", equalTo("housing-construction"))
                .body("corrected", equalTo(true))
                .body("current.lead.category", equalTo("market-regulation"))
                .body("corrections", hasSize(1))
                .body("corrections[0].reason", equalTo("乱收停车费属价格违法，由市场监管牵头"));

        as("t-analyst").body(Map.of("level", "city", "leadCategory", "market-regulation", "reason", "多县区同类问题，市级统一处理"))
                .post(url).then().statusCode(201)
                .body("before.lead.unit", equalTo("东海县市场监督管理局"))
                .body("after.lead.unit", equalTo("连云港市市场监督管理局"));
        as("t-admin").body(Map.of("level", "none", "reason", "x")).post(url).then().statusCode(403);
    }

    @Test
    void statisticsShowHowOftenTheClassifierIsCorrectedByCategoryAndCounty() {
        Long id = incident("赣榆区一驾校收费后不安排练车", "", "赣榆区青口镇某驾校收了学费迟迟不安排练车，学员投诉无门。");
        as("t-analyst").body(Map.of("level", "county", "territory", "赣榆区", "leadCategory", "market-regulation",
                "reason", "预付费消费纠纷由市场监管处理")).post("/api/incidents/" + id + "/proposal/corrections").then().statusCode(201);
        for (String role : List.of("admin", "analyst", "leader"))
            as(TestAccounts.userFor(role)).get("/api/classify/corrections/stats").then().statusCode(200)
                    .body("proposals", greaterThanOrEqualTo(1))
                    .body("corrected", greaterThanOrEqualTo(1))
                    .body("byCategory.find { it.key == 'transport' }.corrected", greaterThanOrEqualTo(1))
                    .body("byCategory.find { it.key == 'transport' }.label", equalTo("交通运输"))
                    .body("byCategory.find { it.key == 'transport' }.correctedTo.market-regulation", greaterThanOrEqualTo(1))
                    .body("byCounty.find { it.key == '赣榆区' }.corrected", greaterThanOrEqualTo(1));
        as("t-supervisor").get("/api/classify/corrections/stats").then().statusCode(403);
    }

    @Test
    void aReviewedLearnedWeightChangesALaterClassificationAndTheRationaleNamesIt() {
        Map<String, String> similar = Map.of("title", "灌云县一小学门口小吃摊扎堆",
                "text", "灌云县伊山镇一所小学门口每到放学时流动小吃摊扎堆，学生围着买零食，卫生状况堪忧。");
        as("t-analyst").body(similar).post("/api/classify").then().statusCode(200).body("lead.category", equalTo("education"));

        Long id = incident("灌南县新安镇学校门口小吃摊", "", "灌南县新安镇一小学门口有很多流动小吃摊，卫生状况堪忧，学生放学后围着买。");
        as("t-analyst").get("/api/incidents/" + id + "/proposal").then().body("lead.category", equalTo("education"));
        as("t-analyst").body(Map.of("level", "county", "territory", "灌南县", "leadCategory", "urban-management",
                        "reason", "校门口流动摊贩属城管职责，教育局配合"))
                .post("/api/incidents/" + id + "/proposal/corrections").then().statusCode(201)
                .body("learnedTerms", hasItem("学校"));

        // learned but pending: shown to the administrator, not applied
        var weights = as("t-admin").get("/api/admin/classifier/weights").then().statusCode(200).extract().jsonPath();
        List<Integer> ids = weights.getList("weights.findAll { it.fromCategory == 'education' && it.toCategory == 'urban-management' && it.status == 'pending' }.id");
        assertThat(ids).isNotEmpty();
        assertThat(weights.getList("weights.term", String.class)).contains("学校", "小学");
        as("t-analyst").body(similar).post("/api/classify").then().body("lead.category", equalTo("education"));
        as("t-analyst").get("/api/admin/classifier/weights").then().statusCode(403);

        try {
            for (Integer w : ids)
                as("t-admin").post("/api/admin/classifier/weights/" + w + "/approve").then().statusCode(200)
                        .body("status", equalTo("approved")).body("reviewedBy", equalTo("t-admin"))
                        .body("appliedDelta", notNullValue());
            as("t-analyst").body(similar).post("/api/classify").then().statusCode(200)
                    .body("lead.category", equalTo("urban-management"))
                    .body("lead.unit", equalTo("灌云县城市管理局"))
                    .body("rationale", hasItem(startsWith("学习权重：“小学”")));
            as("t-admin").get("/api/admin/classifier/weights").then().body("approved", greaterThanOrEqualTo(ids.size()))
                    .body("classifierVersion", startsWith("data:"));
        } finally {
            for (Integer w : ids) as("t-admin").post("/api/admin/classifier/weights/" + w + "/reject").then().statusCode(200);
        }
        as("t-analyst").body(similar).post("/api/classify").then().body("lead.category", equalTo("education"));
        as("t-admin").post("/api/admin/classifier/weights/999999999/approve").then().statusCode(404);
    }
}
