package cn.tingfeng.demo;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The demo's sample posts go through the real pipeline: plan match, repost detection, grouping into incidents.
 * Its own application start (and so its own database): the demo plan must not see other tests' posts, nor they it.
 */
@QuarkusTest
@TestProfile(DemoDataTest.DemoProfile.class)
class DemoDataTest {
    public static class DemoProfile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tingfeng.demo-data", "true");
        }
    }

    @Inject
    DemoData demo;

    @Test
    void samplePostsBecomeIncidentsWithTheRepostJoiningItsOriginalAndLoadOnlyOnce() {
        demo.load(); // already loaded at start: a second load adds nothing
        List<Map<String, Object>> items = given().auth().preemptive().basic("t-analyst", "test-password-1")
                .get("/api/incidents?size=100").then().statusCode(200).extract().jsonPath().getList("items");
        Map<String, Object> school = items.stream()
                .filter(i -> String.valueOf(i.get("title")).contains("伊山镇一小学食堂饭菜发霉")).findFirst().orElseThrow();
        assertThat(((Number) school.get("posts")).intValue()).isEqualTo(3);
        assertThat(((Number) school.get("reposts")).intValue()).isEqualTo(1);
        assertThat(items).filteredOn(i -> String.valueOf(i.get("title")).contains("讨薪无果")).hasSize(1);
        given().auth().preemptive().basic("t-analyst", "test-password-1").get("/api/plans").then().statusCode(200)
                .body("name", org.hamcrest.Matchers.hasItem(DemoData.PLAN));
    }
}
