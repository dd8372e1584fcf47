package cn.tingfeng.web;

import static cn.tingfeng.web.WebSession.as;
import static cn.tingfeng.web.WebSession.form;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import cn.tingfeng.security.UserRepository;
import cn.tingfeng.testsupport.TestAccounts;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.junit.jupiter.api.Test;

/** 系统管理 → 账号: an administrator creates, disables, enables accounts and resets passwords in the page. */
@QuarkusTest
class AdminPagesTest {
    @Inject
    UserRepository users;
    @Inject
    TestAccounts accounts;

    @Transactional
    boolean enabled(String username) {
        return users.findByUsername(username).orElseThrow().enabled;
    }

    @Transactional
    long idOf(String username) {
        return users.findByUsername(username).orElseThrow().id;
    }

    @Test
    void anAdministratorManagesAccountsInThePage() {
        String name = "page-user-" + System.nanoTime() % 1_000_000;
        String page = as("t-admin").get("/app/admin").then().statusCode(200).extract().asString();
        assertThat(page).contains("新建账号").contains("舆情分析员").contains("action=\"/app/admin/users\"");

        // refused: weak password — the typed values stay, the password does not
        form("t-admin").formParam("username", name).formParam("displayName", "<i>王</i>某").formParam("role", "department")
                .formParam("unitId", String.valueOf(accounts.unitId())).formParam("password", "password123")
                .post("/app/admin/users").then().statusCode(400).body(containsString("最常见"))
                .body(containsString("value=\"" + name + "\"")).body(containsString("&lt;i&gt;王&lt;/i&gt;某"))
                .body(org.hamcrest.Matchers.not(containsString("password123")));
        // refused: a department account without its unit
        form("t-admin").formParam("username", name).formParam("role", "department").formParam("unitId", "")
                .formParam("password", "Haizhou-zhiban-42x").post("/app/admin/users").then().statusCode(400)
                .body(containsString("承办单位"));

        form("t-admin").formParam("username", name).formParam("displayName", "王某").formParam("role", "department")
                .formParam("unitId", String.valueOf(accounts.unitId())).formParam("password", "Haizhou-zhiban-42x")
                .post("/app/admin/users").then().statusCode(303);
        TestAccounts.as(name).get("/api/account").then().statusCode(401);  // TestAccounts' password is not this one
        io.restassured.RestAssured.given().auth().preemptive().basic(name, "Haizhou-zhiban-42x").get("/api/account")
                .then().statusCode(200).body("roles", org.hamcrest.Matchers.contains("department"));

        long id = idOf(name);
        form("t-admin").post("/app/admin/users/" + id + "/disable").then().statusCode(303);
        assertThat(enabled(name)).isFalse();
        form("t-admin").post("/app/admin/users/" + id + "/enable").then().statusCode(303);
        assertThat(enabled(name)).isTrue();
        form("t-admin").formParam("password", "123456").post("/app/admin/users/" + id + "/password").then().statusCode(400);
        form("t-admin").formParam("password", "Xinde-Haizhou-77q").post("/app/admin/users/" + id + "/password")
                .then().statusCode(303);
        io.restassured.RestAssured.given().auth().preemptive().basic(name, "Xinde-Haizhou-77q").get("/api/account")
                .then().statusCode(200);
        form("t-admin").post("/app/admin/users/" + idOf("t-admin") + "/disable").then().statusCode(409)
                .body(containsString("不能停用自己的账号"));
        form("t-analyst").post("/app/admin/users/" + id + "/disable").then().statusCode(403);
    }
}
