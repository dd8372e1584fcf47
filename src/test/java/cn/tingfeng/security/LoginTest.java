package cn.tingfeng.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

import cn.tingfeng.shared.Roles;
import cn.tingfeng.testsupport.TestAccounts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LoginTest {
    private static final Map<String, String> HOME_LABEL = Map.of(
            Roles.ADMIN, "系统管理", Roles.ANALYST, "预警队列", Roles.DEPARTMENT, "本单位待办",
            Roles.LEADER, "回应率看板", Roles.SUPERVISOR, "督办记录");

    @ParameterizedTest
    @ValueSource(strings = {"admin", "analyst", "department", "leader", "supervisor"})
    void formLoginLandsOnTheHomePageOfTheRole(String role) {
        Response login = given().redirects().follow(false)
                .formParam("j_username", TestAccounts.userFor(role)).formParam("j_password", TestAccounts.PASSWORD)
                .post("/j_security_check");
        login.then().statusCode(302).header("Location", endsWith("/home"));
        String session = login.getCookie("tingfeng-session");
        given().cookie("tingfeng-session", session).get("/home").then().statusCode(200)
                .body(containsString(HOME_LABEL.get(role)))
                .body(containsString(TestAccounts.userFor(role)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin", "analyst", "department", "leader", "supervisor"})
    void httpBasicIsAcceptedOnTheApiForEveryRole(String role) {
        given().auth().preemptive().basic(TestAccounts.userFor(role), TestAccounts.PASSWORD)
                .get("/api/units").then().statusCode(200);
    }

    @Test
    void wrongPasswordReturnsToTheLoginPageWithAnError() {
        given().redirects().follow(false).formParam("j_username", "t-analyst").formParam("j_password", "wrong-password")
                .post("/j_security_check").then().statusCode(302).header("Location", containsString("error"));
        given().get("/?error=1").then().statusCode(200).body(containsString("用户名或密码错误"));
    }

    @Test
    void homeWithoutSessionRedirectsToLogin() {
        given().redirects().follow(false).get("/home").then().statusCode(302);
    }

    @Test
    void loginPageIsChinese() {
        given().get("/").then().statusCode(200).body(containsString("登录听风")).body(containsString("lang=\"zh-CN\""));
    }
}
