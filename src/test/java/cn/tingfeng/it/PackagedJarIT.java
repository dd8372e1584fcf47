package cn.tingfeng.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar (target/quarkus-app, prod profile, embedded H2) started as a user would start it: the
 * operations endpoints, the admin password bootstrap from configuration, HTTP Basic on the API, the error shape.
 */
@QuarkusIntegrationTest
@TestProfile(PackagedJarIT.Profile.class)
class PackagedJarIT {
    static final String ADMIN_PASSWORD = "it-admin-password-1";

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tingfeng.admin-password", ADMIN_PASSWORD,
                    "tingfeng.data-dir", "./target/it-data-" + ProcessHandle.current().pid());
        }
    }

    @Test
    void readinessAndMetricsAreUp() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/units"));
    }

    @Test
    void apiRequiresCredentialsAndAdminSignsInWithTheConfiguredPassword() {
        given().get("/api/units").then().statusCode(401);
        given().auth().preemptive().basic("admin", "wrong-password").get("/api/units").then().statusCode(401);
        given().auth().preemptive().basic("admin", ADMIN_PASSWORD).get("/api/admin/users").then().statusCode(200)
                .body("username", org.hamcrest.Matchers.hasItem("admin"));
    }

    @Test
    void createdUsersCanSignInAndAreConfinedToTheirRole() {
        String name = "it-leader-" + System.nanoTime() % 100000;
        given().auth().preemptive().basic("admin", ADMIN_PASSWORD).contentType("application/json")
                .body(Map.of("username", name, "password", "leader-pass-1", "roles", new String[] {"leader"}))
                .post("/api/admin/users").then().statusCode(201);
        given().auth().preemptive().basic(name, "leader-pass-1").get("/api/units").then().statusCode(200);
        given().auth().preemptive().basic(name, "leader-pass-1").get("/api/admin/users").then().statusCode(403)
                .body("error", equalTo("forbidden"));
    }

    @Test
    void loginPageIsServed() {
        given().get("/").then().statusCode(200).body(containsString("登录听风"));
    }
}
