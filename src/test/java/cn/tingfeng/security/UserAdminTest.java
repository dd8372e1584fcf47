package cn.tingfeng.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import cn.tingfeng.testsupport.TestAccounts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class UserAdminTest {
    @Inject
    TestAccounts accounts;

    private static RequestSpecification admin() {
        return given().auth().preemptive().basic("t-admin", TestAccounts.PASSWORD).contentType("application/json");
    }

    @Test
    void adminCreatesADepartmentUserBoundToItsUnitWhoCanThenSignIn() {
        admin().body(Map.of("username", "edu-clerk", "password", "clerk-pass-1", "roles", new String[] {"department"},
                "unitId", accounts.unitId()))
                .post("/api/admin/users").then().statusCode(201)
                .body("username", equalTo("edu-clerk")).body("unitName", equalTo("测试县教育局"))
                .body("roles", contains("department"))
                .body("$", not(org.hamcrest.Matchers.hasKey("passwordHash")));
        given().auth().preemptive().basic("edu-clerk", "clerk-pass-1").get("/api/units").then().statusCode(200)
                .body("name", hasItem("测试县教育局"));
    }

    @Test
    void validationErrorsNameTheOffendingFields() {
        admin().body(Map.of("username", "bad name!", "password", "short", "roles", new String[] {}))
                .post("/api/admin/users").then().statusCode(400)
                .body("error", equalTo("validation_failed"))
                .body("details.field", containsInAnyOrder("username", "password", "roles"))
                .body("message", containsString("password"))
                .body(not(containsString("Exception")));
    }

    @Test
    void aDepartmentUserWithoutUnitIsRefusedNamingUnitId() {
        admin().body(Map.of("username", "no-unit", "password", "long-enough-1", "roles", new String[] {"department"}))
                .post("/api/admin/users").then().statusCode(400).body("details.field", contains("unitId"));
    }

    @Test
    void unknownRoleIsRefusedNamingRoles() {
        admin().body(Map.of("username", "boss", "password", "long-enough-1", "roles", new String[] {"emperor"}))
                .post("/api/admin/users").then().statusCode(400).body("details.field", contains("roles"));
    }

    @Test
    void malformedJsonIsA400WithoutStackTrace() {
        admin().body("{\"username\": ").post("/api/admin/users").then().statusCode(400)
                .body("error", equalTo("malformed_request")).body(not(containsString("at com.")));
        admin().body("{\"username\":\"x1\",\"password\":\"long-enough-1\",\"roles\":[\"admin\"],\"unitId\":\"abc\"}")
                .post("/api/admin/users").then().statusCode(400).body("details.field", hasItem("unitId"));
    }

    @Test
    void duplicateUsernameIsAConflictAndKeepsTheExistingAccount() {
        admin().body(Map.of("username", "t-leader", "password", "another-pass-1", "roles", new String[] {"admin"}))
                .post("/api/admin/users").then().statusCode(409).body("details.field", contains("username"));
        given().auth().preemptive().basic("t-leader", TestAccounts.PASSWORD).get("/api/units").then().statusCode(200);
        given().auth().preemptive().basic("t-leader", "another-pass-1").get("/api/units").then().statusCode(401);
    }

    @Test
    void passwordsAreStoredAsBcryptHashes() {
        String hash = hashOf("t-analyst");
        org.assertj.core.api.Assertions.assertThat(hash).startsWith("$2").doesNotContain(TestAccounts.PASSWORD);
    }

    @Inject
    UserRepository users;

    @jakarta.transaction.Transactional
    String hashOf(String username) {
        return users.findByUsername(username).orElseThrow().passwordHash;
    }
}
