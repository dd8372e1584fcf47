package cn.tingfeng.jurisdiction.proposal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import cn.tingfeng.incident.Incident;
import cn.tingfeng.incident.IncidentCreated;
import cn.tingfeng.incident.IncidentRepository;
import cn.tingfeng.post.Post;
import cn.tingfeng.post.PostRepository;
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
import org.junit.jupiter.api.Test;

/**
 * Learning from analysts' corrections beyond moving known words: a territory correction proposes the post's unknown
 * place names as aliases (admin list / approve / reject, persisted by V8_1), a lead correction proposes the post's
 * new words; nothing acts before an administrator approves it.
 */
@QuarkusTest
class CorrectionLearningResourceTest {
    @Inject
    IncidentRepository incidents;
    @Inject
    PostRepository posts;
    @Inject
    Event<IncidentCreated> created;

    static RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, TestAccounts.PASSWORD).contentType("application/json");
    }

    Long incident(String title, String body) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Instant.now();
            Post p = new Post();
            p.url = "https://example.org/" + UUID.randomUUID();
            p.canonicalUrl = p.url;
            p.urlHash = UUID.randomUUID().toString().replace("-", "") + "0".repeat(32);
            p.title = title;
            p.body = body;
            p.fetchedAt = now;
            posts.persist(p);
            Incident i = new Incident();
            i.title = title;
            i.summary = "";
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
    void aTerritoryCorrectionProposesTheUnknownEstateAndApprovalMakesTheGazetteerResolveIt() {
        Map<String, String> later = Map.of("title", "翠湖名邸小区路灯不亮", "text", "我们翠湖名邸小区里的路灯坏了一个月，希望尽快修。");
        as("t-analyst").body(later).post("/api/classify").then().statusCode(200)
                .body("level", equalTo("none")).body("territory", nullValue())
                .body("lead.unit", equalTo("连云港市城市管理局"))
                .body("flags", hasItem("TERRITORY_UNCONFIRMED"));

        Long id = incident("翠湖名邸小区物业不作为", "我家住在翠湖名邸小区，物业不修楼道灯，希望管一管。");
        as("t-analyst").get("/api/incidents/" + id + "/proposal").then().statusCode(200)
                .body("level", equalTo("none")).body("lead.category", equalTo("housing-construction"))
                .body("lead.unit", equalTo("连云港市住房和城乡建设局"));
        as("t-analyst").body(Map.of("level", "county", "territory", "灌南县", "leadCategory", "housing-construction",
                        "reason", "经电话核实，该小区在灌南县新安镇"))
                .post("/api/incidents/" + id + "/proposal/corrections").then().statusCode(201)
                .body("learnedPlaces", hasItem("翠湖名邸"));

        var list = as("t-admin").get("/api/admin/jurisdiction/aliases").then().statusCode(200).extract().jsonPath();
        List<Integer> ids = list.getList("aliases.findAll { it.name == '翠湖名邸' && it.territory == '灌南县' && it.status == 'proposed' }.id");
        assertThat(ids).hasSize(1);
        assertThat(list.getInt("aliases.find { it.name == '翠湖名邸' }.evidence")).isEqualTo(1);
        // proposed only: not resolved yet
        as("t-analyst").body(later).post("/api/classify").then().body("territory", nullValue());
        as("t-analyst").get("/api/admin/jurisdiction/aliases").then().statusCode(403);

        try {
            as("t-admin").post("/api/admin/jurisdiction/aliases/" + ids.get(0) + "/approve").then().statusCode(200)
                    .body("status", equalTo("approved")).body("reviewedBy", equalTo("t-admin"));
            as("t-analyst").body(later).post("/api/classify").then().statusCode(200)
                    .body("level", equalTo("county")).body("territory", equalTo("灌南县"))
                    .body("lead.unit", equalTo("灌南县城市管理局"))
                    .body("rationale", hasItem(startsWith("地名别名：“翠湖名邸”")));
            as("t-admin").get("/api/admin/jurisdiction/aliases").then().body("classifierVersion", startsWith("data:"))
                    .body("approved", equalTo(1));
        } finally {
            as("t-admin").post("/api/admin/jurisdiction/aliases/" + ids.get(0) + "/reject").then().statusCode(200)
                    .body("status", equalTo("rejected"));
        }
        as("t-analyst").body(later).post("/api/classify").then().body("territory", nullValue());
        as("t-admin").post("/api/admin/jurisdiction/aliases/999999999/approve").then().statusCode(404);
    }

    @Test
    void aLeadCorrectionProposesTheNewWordsOfThePostForTheCorrectedCategory() {
        Long id = incident("小区充电桩被私人圈占", "灌云县伊山镇我们小区的公共充电桩被几户人家用地锁圈起来，别人不能充，希望管一管。");
        as("t-analyst").body(Map.of("level", "county", "territory", "灌云县", "leadCategory", "development-reform",
                        "reason", "公共充电设施由发改部门牵头"))
                .post("/api/incidents/" + id + "/proposal/corrections").then().statusCode(201)
                .body("learnedTerms", hasItem("充电桩"));
        var weights = as("t-admin").get("/api/admin/classifier/weights").then().statusCode(200).extract().jsonPath();
        assertThat(weights.getList("weights.findAll { it.term == '充电桩' && it.fromCategory == '(new)' && it.toCategory == 'development-reform' }.status",
                String.class)).containsExactly("pending");
        assertThat(weights.getString("weights.find { it.term == '充电桩' }.effect")).startsWith("“充电桩”：新词，发展改革 +");
    }
}
