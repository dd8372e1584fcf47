package cn.tingfeng.web;

import static io.restassured.RestAssured.given;

import cn.tingfeng.testsupport.TestAccounts;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Form login as the browser does it: POST /j_security_check, then the {@code tingfeng-session} cookie. */
final class WebSession {
    private static final Map<String, String> COOKIES = new ConcurrentHashMap<>();

    private WebSession() {
    }

    static String cookie(String username) {
        return COOKIES.computeIfAbsent(username, u -> {
            String c = given().redirects().follow(false).formParam("j_username", u)
                    .formParam("j_password", TestAccounts.PASSWORD).post("/j_security_check").then().statusCode(302)
                    .extract().cookie("tingfeng-session");
            if (c == null) {
                throw new IllegalStateException("no session cookie for " + u);
            }
            return c;
        });
    }

    /** A request with the session of this user (no redirects followed). */
    static RequestSpecification as(String username) {
        return given().redirects().follow(false).cookie("tingfeng-session", cookie(username));
    }

    /** A form POST as the browser sends it (UTF-8). */
    static RequestSpecification form(String username) {
        return as(username).contentType("application/x-www-form-urlencoded; charset=UTF-8");
    }

    static RequestSpecification asRole(String role) {
        return as(TestAccounts.userFor(role));
    }
}
