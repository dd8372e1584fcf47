package cn.tingfeng.jurisdiction.classify;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import cn.tingfeng.testsupport.TestAccounts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ClassifyResourceTest {

    static RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, TestAccounts.PASSWORD).contentType("application/json");
    }

    @Test
    void aCountyEducationPostGoesToTheCountyBureauWithItsUnitIdAndRationale() {
        as("t-analyst").body(Map.of("title", "灌云县一小学强制学生订购教辅",
                        "text", "灌云县伊山镇某小学要求每个学生购买指定教辅资料，家长反映负担重。"))
                .post("/api/classify").then().statusCode(200)
                .body("level", equalTo("county"))
                .body("territory", equalTo("灌云县"))
                .body("lead.category", equalTo("education"))
                .body("lead.unit", equalTo("灌云县教育局"))
                .body("lead.unitId", notNullValue())
                .body("co", notNullValue())
                .body("grade", nullValue())
                .body("confidence", allOf(greaterThan(0f), lessThanOrEqualTo(1f)))
                .body("rationale", hasItem(startsWith("属地：")))
                .body("rationale", hasItem(startsWith("职责：")));
    }

    @Test
    void severalCountiesAndAGradeIIAccidentGoToTheCityWithPropagandaInformed() {
        as("t-admin").body(Map.of("title", "海州区东海县交界处化工厂爆炸",
                        "text", "海州区与东海县交界处一化工厂发生爆炸，造成12人死亡，多人受伤。"))
                .post("/api/classify").then().statusCode(200)
                .body("level", equalTo("city"))
                .body("territory", nullValue())
                .body("grade", equalTo("II"))
                .body("co.category", hasItem("propaganda"))
                .body("co.unit", hasItem("中共连云港市委宣传部"))
                .body("flags", hasItem("MAJOR_IMPACT"));
    }

    @Test
    void outsideTheJurisdictionNoAssignmentAndAFlag() {
        as("t-analyst").body(Map.of("title", "杭州西湖景区游客拥挤", "text", "浙江杭州西湖景区国庆游客爆满，多处拥堵。"))
                .post("/api/classify").then().statusCode(200)
                .body("level", equalTo("none"))
                .body("lead", nullValue())
                .body("co", empty())
                .body("flags", contains("OUTSIDE_JURISDICTION"));
    }

    @Test
    void aSecondJurisdictionLoadedFromTheExternalDirectoryIsClassifiedThroughTheApi() {
        as("t-analyst").body(Map.of("title", "如皋市一小学食堂饭菜变质",
                        "text", "南通如皋市城南街道一所小学的家长反映，学校食堂给孩子吃变质的饭菜，多名学生腹痛。"))
                .post("/api/classify").then().statusCode(200)
                .body("level", equalTo("county"))
                .body("territory", equalTo("如皋市"))
                .body("lead.unit", startsWith("如皋市"))
                .body("lead.unitId", notNullValue());
        as("t-analyst").body(Map.of("text", "启东市、海门区多条河道出现大面积污染，河水发黑发臭。"))
                .post("/api/classify").then().statusCode(200)
                .body("level", equalTo("city"))
                .body("lead.unit", equalTo("南通市生态环境局"));
    }

    @Test
    void textIsRequiredAndSizesAreLimitedNamingTheFields() {
        as("t-analyst").body(Map.of("title", "只有标题")).post("/api/classify").then().statusCode(400)
                .body("error", equalTo("validation_failed")).body("details.field", contains("text"));
        as("t-analyst").body(Map.of("title", "x", "text", "  ")).post("/api/classify").then().statusCode(400)
                .body("details.field", contains("text"));
        as("t-analyst").body(Map.of("title", "标".repeat(501), "text", "字".repeat(20_001))).post("/api/classify").then()
                .statusCode(400).body("details.field", contains("text", "title"));
        as("t-analyst").body("{\"text\": 5, ").post("/api/classify").then().statusCode(400)
                .body("error", equalTo("malformed_request"));
    }

    @Test
    void otherRolesMayNotClassify() {
        as("t-department").body(Map.of("text", "灌云县某小学")).post("/api/classify").then().statusCode(403)
                .body("error", equalTo("forbidden"));
        as("t-leader").body(Map.of("text", "灌云县某小学")).post("/api/classify").then().statusCode(403);
        given().contentType("application/json").body(Map.of("text", "灌云县某小学")).post("/api/classify").then().statusCode(401);
    }

    @Test
    void theAdministratorSeesTheLoadedJurisdictionsAndCanReload() {
        as("t-admin").get("/api/admin/jurisdiction").then().statusCode(200)
                .body("jurisdictions", hasItem(startsWith("连云港市")))
                .body("jurisdictions", hasItem(startsWith("南通市")))
                .body("errors", empty())
                .body("classifierVersion", startsWith("data:"));
        as("t-admin").post("/api/admin/jurisdiction/reload").then().statusCode(200)
                .body("seed.unitsCreated", equalTo(0))
                .body("seed.unitsDeactivated", equalTo(0))
                .body("errors", empty());
        as("t-analyst").post("/api/admin/jurisdiction/reload").then().statusCode(403);
        as("t-admin").get("/api/admin/jurisdiction").then().body("errors", not(hasItem("x")));
    }
}
