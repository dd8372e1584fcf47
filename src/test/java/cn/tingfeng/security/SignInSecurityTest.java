package cn.tingfeng.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

import cn.tingfeng.shared.Roles;
import cn.tingfeng.testsupport.MutableClock;
import cn.tingfeng.testsupport.TestAccounts;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sign-in as an attacker and a careless user meet it: guessing passwords (form and Basic), locking someone else out,
 * copied cookies after logout, idle and absolute timeouts, password changes, disabled accounts, API tokens, weak
 * passwords, headers. Each test runs at its own time and from its own addresses, so locks never leak between tests.
 */
@QuarkusTest
@TestProfile(SecurityTestProfile.class)
class SignInSecurityTest {
    private static final String PASSWORD = "Lyg-yuqing-2026-abc";
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final Pattern META = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\">");

    @Inject
    MutableClock clock;
    @Inject
    UserService users;
    @Inject
    UserRepository repository;

    private String user;
    private String net;

    @BeforeEach
    void freshAccountAndTime() {
        int n = SEQ.incrementAndGet();
        clock.set(Instant.parse("2033-01-01T00:00:00Z").plus(Duration.ofDays(10L * n)));
        user = "sec-user-" + n + "-" + System.nanoTime() % 100000;
        net = "198.51." + (100 + n) + ".";
        newUser(user, Roles.ANALYST);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @jakarta.transaction.Transactional
    void newUser(String name, String role) {
        users.createSeeded(new UserService.NewUser(name, PASSWORD, Set.of(role), null, name));
    }

    private Response form(String name, String password, String address, String deviceCookie) {
        var spec = given().redirects().follow(false).header("X-Forwarded-For", address)
                .formParam("j_username", name).formParam("j_password", password);
        if (deviceCookie != null) {
            spec = spec.cookie("tingfeng-device", deviceCookie);
        }
        return spec.post("/j_security_check");
    }

    private int basic(String name, String password, String address) {
        return given().header("X-Forwarded-For", address).auth().preemptive().basic(name, password).get("/api/account")
                .statusCode();
    }

    private static String csrf(String session) {
        String page = given().redirects().follow(false).cookie("tingfeng-session", session).get("/home").then()
                .statusCode(200).extract().asString();
        Matcher m = META.matcher(page);
        assertThat(m.find()).as("csrf meta on /home").isTrue();
        return m.group(1);
    }

    private static int home(String session) {
        return given().redirects().follow(false).cookie("tingfeng-session", session).get("/home").statusCode();
    }

    @Test
    void twentyWrongPasswordsInTheFormLockTheAccountAndTheRightOneIsRefusedUntilTheLockEnds() {
        String attacker = net + "7";
        for (int i = 0; i < 20; i++) {
            Response r = form(user, "wrong-" + i, attacker, null);
            assertThat(r.statusCode()).isEqualTo(302);
            assertThat(r.header("Location")).contains(i < 5 ? "error=1" : "error=locked");
        }
        Response right = form(user, PASSWORD, attacker, null);
        assertThat(right.header("Location")).contains("error=locked");
        assertThat(right.getCookie("tingfeng-session")).isNull();
        given().get("/?error=locked&minutes=15").then().body(containsString("已临时锁定")).body(containsString("15 分钟"));

        clock.advance(Duration.ofMinutes(16));
        form(user, PASSWORD, attacker, null).then().statusCode(302).header("Location", endsWith("/home"));
    }

    @Test
    void twentyWrongPasswordsOverBasicAuthLockItAndTheApiAnswers429WithRetryAfter() {
        String script = net + "8";
        for (int i = 0; i < 20; i++) {
            assertThat(basic(user, "wrong-" + i, script)).isEqualTo(i < 5 ? 401 : 429);
        }
        given().header("X-Forwarded-For", script).auth().preemptive().basic(user, PASSWORD).get("/api/account").then()
                .statusCode(429).header("Retry-After", not(org.hamcrest.Matchers.emptyOrNullString()))
                .body("error", org.hamcrest.Matchers.equalTo("locked")).body("message", containsString("分钟后再试"));
        clock.advance(Duration.ofMinutes(16));
        assertThat(basic(user, PASSWORD, script)).isEqualTo(200);
    }

    @Test
    void anAttackerCannotLockTheOwnerOutOfABrowserTheOwnerSignedInFrom() {
        Response owner = form(user, PASSWORD, net + "1", null);
        owner.then().header("Location", endsWith("/home"));
        String device = owner.getCookie("tingfeng-device");
        assertThat(device).isNotBlank();

        for (int i = 0; i < 12; i++) {
            form(user, "guess-" + i, net + "66", null);
        }
        // a browser that never signed in to this account is held by the lock …
        assertThat(form(user, PASSWORD, net + "2", null).header("Location")).contains("error=locked");
        // … the owner's browser is not, even from the attacker's address (one office behind one NAT)
        form(user, PASSWORD, net + "66", device).then().header("Location", endsWith("/home"));
        // and a device cookie for another account does not help
        assertThat(form("t-analyst".equals(user) ? "x" : user, PASSWORD, net + "3", device + "x").header("Location"))
                .contains("error=locked");
    }

    @Test
    void oneAddressGuessingAtManyAccountsIsLockedButOthersAreNot() {
        String sprayer = net + "99";
        for (int i = 0; i < 20; i++) {
            form("nobody-" + i, "Winter2026!", sprayer, null);
        }
        assertThat(form(user, PASSWORD, sprayer, null).header("Location")).contains("error=locked");
        form(user, PASSWORD, net + "100", null).then().header("Location", endsWith("/home"));
    }

    @Test
    void theAdministratorSeesWhoFailedFromWhereAndCanLiftALock() {
        String attacker = net + "44";
        for (int i = 0; i < 6; i++) {
            form(user, "wrong-" + i, attacker, null);
        }
        var admin = TestAccounts.as("t-admin").header("X-Forwarded-For", net + "200");
        List<Map<String, Object>> logins = admin.get("/api/admin/security/logins?failuresOnly=true&limit=50").then()
                .statusCode(200).extract().jsonPath().getList("$");
        assertThat(logins).anySatisfy(a -> {
            assertThat(a.get("username")).isEqualTo(user);
            assertThat(a.get("address")).isEqualTo(attacker);
            assertThat(a.get("outcome")).isEqualTo("bad_password");
            assertThat(a.get("mechanism")).isEqualTo("form");
            assertThat(a.get("at")).isNotNull();
        });
        assertThat(logins).anySatisfy(a -> assertThat(a.get("outcome")).isEqualTo("locked"));
        List<Map<String, Object>> locks = TestAccounts.as("t-admin").get("/api/admin/security/locks").then().statusCode(200)
                .extract().jsonPath().getList("$");
        assertThat(locks).anySatisfy(l -> {
            assertThat(l.get("scope")).isEqualTo("account");
            assertThat(l.get("subject")).isEqualTo(user);
        });
        String page = TestAccounts.as("t-admin").get("/api/admin/users").asString();
        assertThat(page).contains(user);
        TestAccounts.as("t-admin").contentType("application/json").body(Map.of("username", user))
                .post("/api/admin/security/locks/clear").then().statusCode(204);
        form(user, PASSWORD, net + "45", null).then().header("Location", endsWith("/home"));
        TestAccounts.as("t-analyst").get("/api/admin/security/logins").then().statusCode(403);
    }

    @Test
    void aCopiedSessionCookieStopsWorkingAtLogoutAndOtherSessionsStay() {
        String first = form(user, PASSWORD, net + "1", null).getCookie("tingfeng-session");
        String second = form(user, PASSWORD, net + "2", null).getCookie("tingfeng-session");
        assertThat(home(first)).isEqualTo(200);
        String copy = first;
        given().redirects().follow(false).cookie("tingfeng-session", first).formParam("_csrf", csrf(first)).post("/logout")
                .then().statusCode(303).header("Location", containsString("loggedOut"));
        assertThat(home(copy)).isEqualTo(302);
        assertThat(home(second)).isEqualTo(200);
        // a GET cannot log anyone out (a link or an image on another page would)
        given().redirects().follow(false).cookie("tingfeng-session", second).get("/logout").then().statusCode(303);
        assertThat(home(second)).isEqualTo(200);
    }

    @Test
    void sessionsEndAfterThirtyIdleMinutesAndTwelveHoursInAnyCase() {
        String idle = form(user, PASSWORD, net + "1", null).getCookie("tingfeng-session");
        clock.advance(Duration.ofMinutes(29));
        assertThat(home(idle)).isEqualTo(200);
        clock.advance(Duration.ofMinutes(31));
        assertThat(home(idle)).isEqualTo(302);

        String busy = form(user, PASSWORD, net + "1", null).getCookie("tingfeng-session");
        for (int i = 0; i < 24; i++) {
            clock.advance(Duration.ofMinutes(29));
            assertThat(home(busy)).as("after %d min", 29 * (i + 1)).isEqualTo(200);
        }
        clock.advance(Duration.ofMinutes(29));
        assertThat(home(busy)).as("after 12 h 5 min").isEqualTo(302);
    }

    @Test
    void changingTheOwnPasswordEndsTheOtherSessionsAndRefusesWeakPasswords() {
        String here = form(user, PASSWORD, net + "1", null).getCookie("tingfeng-session");
        String elsewhere = form(user, PASSWORD, net + "2", null).getCookie("tingfeng-session");
        String token = csrf(here);
        given().cookie("tingfeng-session", here).get("/app/account").then().statusCode(200).body(containsString("修改密码"));
        given().redirects().follow(false).cookie("tingfeng-session", here).formParam("_csrf", token)
                .formParam("current", PASSWORD).formParam("next", "password123").formParam("confirm", "password123")
                .post("/app/account/password").then().statusCode(400).body(containsString("最常见"));
        given().redirects().follow(false).cookie("tingfeng-session", here).formParam("_csrf", token)
                .formParam("current", "not-it").formParam("next", "Xinde-kouling-Xq7-2033").formParam("confirm", "Xinde-kouling-Xq7-2033")
                .post("/app/account/password").then().statusCode(400).body(containsString("当前密码不正确"));
        assertThat(home(elsewhere)).isEqualTo(200);
        given().redirects().follow(false).cookie("tingfeng-session", here).formParam("_csrf", token)
                .formParam("current", PASSWORD).formParam("next", "Xinde-kouling-Xq7-2033").formParam("confirm", "Xinde-kouling-Xq7-2033")
                .post("/app/account/password").then().statusCode(303);
        assertThat(home(here)).isEqualTo(200);
        assertThat(home(elsewhere)).isEqualTo(302);
        assertThat(basic(user, PASSWORD, net + "3")).isEqualTo(401);
        assertThat(basic(user, "Xinde-kouling-Xq7-2033", net + "3")).isEqualTo(200);
    }

    @Test
    void disablingAnAccountEndsItsSessionsAndItsCachedBasicCredentialsAtOnce() {
        String session = form(user, PASSWORD, net + "1", null).getCookie("tingfeng-session");
        assertThat(basic(user, PASSWORD, net + "1")).isEqualTo(200);
        assertThat(basic(user, PASSWORD, net + "1")).isEqualTo(200);
        long id = repository.findByUsername(user).orElseThrow().id;
        TestAccounts.as("t-admin").post("/api/admin/users/" + id + "/disable").then().statusCode(200)
                .body("enabled", org.hamcrest.Matchers.equalTo(false));
        assertThat(home(session)).isEqualTo(302);
        assertThat(basic(user, PASSWORD, net + "1")).isEqualTo(401);
        TestAccounts.as("t-admin").post("/api/admin/users/" + id + "/enable").then().statusCode(200);
        TestAccounts.as("t-admin").contentType("application/json").body(Map.of("password", "123456789a"))
                .post("/api/admin/users/" + id + "/password").then().statusCode(400).body("details[0].field",
                        org.hamcrest.Matchers.equalTo("password"));
        TestAccounts.as("t-admin").contentType("application/json").body(Map.of("password", "Chongzhi-kouling-2033-k"))
                .post("/api/admin/users/" + id + "/password").then().statusCode(200);
        assertThat(basic(user, PASSWORD, net + "1")).isEqualTo(401);
        assertThat(basic(user, "Chongzhi-kouling-2033-k", net + "1")).isEqualTo(200);
    }

    @Test
    void administratorsCannotCreateAccountsWithWeakPasswords() {
        for (String weak : List.of("short1", "password123", "qwertyuiop", "1234567890", "Admin@2026")) {
            TestAccounts.as("t-admin").contentType("application/json")
                    .body(Map.of("username", "weak-" + SEQ.incrementAndGet(), "password", weak, "roles", List.of("analyst")))
                    .post("/api/admin/users").then().statusCode(400).body("details[0].field", org.hamcrest.Matchers.equalTo("password"));
        }
        TestAccounts.as("t-admin").contentType("application/json")
                .body(Map.of("username", "strong-" + SEQ.incrementAndGet(), "password", "Guannan-zhiban-7Hq-2033", "roles", List.of("analyst")))
                .post("/api/admin/users").then().statusCode(201);
    }

    @Test
    void apiTokensActWithTheirRoleAndUnitUntilRevoked() {
        var created = TestAccounts.as("t-admin").contentType("application/json")
                .body(Map.of("name", "宣传部数据对接", "role", "leader")).post("/api/admin/security/tokens").then().statusCode(201)
                .extract().jsonPath();
        String token = created.getString("token");
        assertThat(token).startsWith("tf_").hasSizeGreaterThan(40);
        long id = created.getLong("view.id");
        given().header("Authorization", "Bearer " + token).get("/api/account").then().statusCode(200)
                .body("kind", org.hamcrest.Matchers.equalTo("token")).body("roles", org.hamcrest.Matchers.contains("leader"));
        given().header("Authorization", "Bearer " + token).contentType("application/json")
                .body(Map.of("currentPassword", "x", "newPassword", "y")).post("/api/account/password").then().statusCode(403);
        given().header("Authorization", "Bearer " + token).get("/api/units").then().statusCode(200);
        given().header("Authorization", "Bearer " + token).get("/api/admin/users").then().statusCode(403);
        String listed = TestAccounts.as("t-admin").get("/api/admin/security/tokens").asString();
        assertThat(listed).contains("宣传部数据对接").doesNotContain(token);
        TestAccounts.as("t-admin").delete("/api/admin/security/tokens/" + id).then().statusCode(200);
        given().header("Authorization", "Bearer " + token).get("/api/units").then().statusCode(401);
        given().header("Authorization", "Bearer tf_made-up").get("/api/units").then().statusCode(401);
        TestAccounts.as("t-admin").contentType("application/json").body(Map.of("name", "x", "role", "department"))
                .post("/api/admin/security/tokens").then().statusCode(400).body("details[0].field", org.hamcrest.Matchers.equalTo("unitId"));
        // a session cookie never authenticates the API
        String session = form(user, PASSWORD, net + "1", null).getCookie("tingfeng-session");
        given().cookie("tingfeng-session", session).get("/api/account").then().statusCode(401);
    }

    @Test
    void headersForbidInlineStylesAndScriptsAndHstsIsSentOverHttps() {
        Response r = given().get("/");
        String csp = r.header("Content-Security-Policy");
        assertThat(csp).contains("default-src 'self'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        assertThat(r.header("Permissions-Policy")).contains("camera=()").contains("geolocation=()");
        assertThat(r.header("Strict-Transport-Security")).isNull();
        assertThat(r.asString()).doesNotContain("swagger");
        given().header("X-Forwarded-Proto", "https").get("/").then().header("Strict-Transport-Security",
                containsString("max-age=31536000"));
        Response login = given().redirects().follow(false).header("X-Forwarded-Proto", "https").header("X-Forwarded-For", net + "5")
                .formParam("j_username", user).formParam("j_password", PASSWORD).post("/j_security_check");
        assertThat(login.getDetailedCookie("tingfeng-session").isSecured()).isTrue();
        assertThat(login.getDetailedCookie("tingfeng-session").isHttpOnly()).isTrue();
        assertThat(login.getDetailedCookie("tingfeng-session").getSameSite()).isEqualToIgnoringCase("Strict");
    }
}
