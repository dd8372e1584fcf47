package cn.tingfeng.web;

import static io.restassured.RestAssured.given;

import cn.tingfeng.testsupport.TestAccounts;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Form login as the browser does it: POST /j_security_check, then the {@code tingfeng-session} cookie. */
public final class WebSession {
    private static final Map<String, String> COOKIES = new ConcurrentHashMap<>();
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
    private static final Pattern META = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\">");

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

    /** The CSRF token of this user's session, as the pages carry it (meta element and hidden form fields). */
    static String csrf(String username) {
        return TOKENS.computeIfAbsent(username, u -> {
            String page = given().redirects().follow(false).cookie("tingfeng-session", cookie(u)).get("/home")
                    .then().statusCode(200).extract().asString();
            Matcher m = META.matcher(page);
            if (!m.find()) {
                throw new IllegalStateException("no csrf token on /home for " + u);
            }
            return m.group(1);
        });
    }

    /** A request with the session of this user (no redirects followed). */
    public static RequestSpecification as(String username) {
        return given().redirects().follow(false).cookie("tingfeng-session", cookie(username));
    }

    /** A form POST as the browser sends it from one of the application's pages (UTF-8, with the CSRF token). */
    public static RequestSpecification form(String username) {
        return as(username).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("_csrf", csrf(username));
    }

    /** A script of the application's pages (fetch with the X-CSRF-Token header). */
    static RequestSpecification script(String username) {
        return as(username).header("X-CSRF-Token", csrf(username));
    }

    static RequestSpecification asRole(String role) {
        return as(TestAccounts.userFor(role));
    }
}
