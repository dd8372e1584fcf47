package cn.tingfeng.shared;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import cn.tingfeng.testsupport.TestAccounts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad input from scripts and careless clients: a 400 naming the field, never a 500, a 404 or an English page. */
@QuarkusTest
class ApiInputTest {
    private static Map<String, Object> incident(Object startedAt, String title) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("grade", "III");
        body.put("startedAt", startedAt);
        return body;
    }

    @Test
    void pagingIsBoundedAndOutOfRangeNamesTheField() {
        TestAccounts.as("t-analyst").get("/api/incidents?page=2147483647&size=2147483647").then().statusCode(400)
                .body("details[0].field", equalTo("size"));
        TestAccounts.as("t-analyst").get("/api/incidents?page=2147483647&size=20").then().statusCode(400)
                .body("details[0].field", equalTo("page"));
        TestAccounts.as("t-analyst").get("/api/incidents?page=-1").then().statusCode(400).body("details[0].field", equalTo("page"));
        TestAccounts.as("t-analyst").get("/api/alerts?size=0").then().statusCode(400).body("details[0].field", equalTo("size"));
        TestAccounts.as("t-analyst").get("/api/incidents?page=3&size=200").then().statusCode(200);
    }

    @Test
    void unparsableParametersAre400NamingTheParameterNot404() {
        TestAccounts.as("t-analyst").get("/api/incidents?page=abc").then().statusCode(400)
                .body("details[0].field", equalTo("page")).body("details[0].message", containsString("整数"));
        TestAccounts.as("t-analyst").get("/api/alerts?incident=abc").then().statusCode(400)
                .body("details[0].field", equalTo("incident"));
        TestAccounts.as("t-analyst").get("/api/alerts?unacked=maybe").then().statusCode(400)
                .body("details[0].field", equalTo("unacked"));
        TestAccounts.as("t-analyst").get("/api/incidents/abc/posts").then().statusCode(400).body("details[0].field", equalTo("id"));
        TestAccounts.as("t-analyst").get("/api/incidents/999999999/posts").then().statusCode(404);
    }

    @Test
    void implausibleInstantsAndNumbersForTimesAreRefused() {
        for (Object bad : new Object[] {"-999999999-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z", 1e308, 0, "1970-01-01T00:00:00Z",
                "2026-13-45T99:00:00Z", "yesterday"}) {
            Response r = TestAccounts.as("t-analyst").contentType("application/json").body(incident(bad, "时间有误的事件"))
                    .post("/api/incidents");
            r.then().statusCode(400).body("details[0].field", equalTo("startedAt"));
            assertThat(r.jsonPath().getString("message")).as("for %s", bad).contains("startedAt").doesNotContain("Exception");
        }
        TestAccounts.as("t-analyst").contentType("application/json")
                .body(incident(java.time.Instant.now().minusSeconds(3600).toString(), "时间正常的事件")).post("/api/incidents")
                .then().statusCode(201);
        TestAccounts.as("t-analyst").contentType("application/json").body(incident("2026-11-30T09:30:00+08:00", "带时区的时间"))
                .post("/api/incidents").then().statusCode(201);
    }

    @Test
    void controlCharactersInTextAreRefusedAndNothingIsStored() {
        TestAccounts.as("t-analyst").contentType("application/json")
                .body(incident(java.time.Instant.now().toString(), "标题\u0000带空字符")).post("/api/incidents").then().statusCode(400)
                .body("details[0].field", equalTo("title")).body("details[0].message", containsString("控制字符"));
        String list = TestAccounts.as("t-analyst").get("/api/incidents?size=200").asString();
        assertThat(list).doesNotContain("带空字符");
        TestAccounts.as("t-analyst").contentType("application/json")
                .body(incident(java.time.Instant.now().toString(), "标题\t可以有制表符\n和换行")).post("/api/incidents").then().statusCode(201);
    }

    @Test
    void aVeryLongUrlIsA414WithAMessage() {
        String q = "x".repeat(9000);
        Response r = TestAccounts.as("t-analyst").get("/api/incidents?status=" + q);
        r.then().statusCode(414).body("error", equalTo("uri_too_long")).body("message", containsString("请求地址过长"));
    }

    /** A body announced above the 64 MB limit is refused before it is read, with the limit in Chinese (API: JSON, pages: a page). */
    @Test
    void aBodyAboveTheLimitIsA413WithAMessage() throws Exception {
        String api = rawPost("/api/incidents", "application/json");
        assertThat(api).startsWith("HTTP/1.1 413").contains("payload_too_large").contains("请求体超过 64 MB 上限");
        String page = rawPost("/app/tasks/1/respond", "multipart/form-data; boundary=x");
        assertThat(page).startsWith("HTTP/1.1 413").contains("text/html").contains("提交的内容过大").contains("超过 64 MB 上限，没有保存");
    }

    /** A request that announces 100 MB and sends a few bytes; the answer as text. */
    private static String rawPost(String path, String type) throws Exception {
        int port = io.restassured.RestAssured.port;
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            String head = "POST " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nContent-Type: " + type
                    + "\r\nContent-Length: 100000000\r\n\r\n{}";
            socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            java.io.InputStream in = socket.getInputStream();
            int bodyStart = -1;
            long length = -1;
            for (int c; (c = in.read()) >= 0; ) {  // the head, then exactly the announced body (the connection may stay open)
                out.write(c);
                if (bodyStart < 0 && out.toString(java.nio.charset.StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                    bodyStart = out.size();
                    var m = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(out.toString(java.nio.charset.StandardCharsets.ISO_8859_1));
                    length = m.find() ? Long.parseLong(m.group(1)) : 0;
                }
                if (bodyStart >= 0 && out.size() - bodyStart >= length) break;
            }
            return out.toString(java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void aMalformedMultipartBodyIsA400NotA500() {
        String body = "--xyz\r\nContent-Disposition: form-data; name=\"url\"\r\n\r\nhttps://a.cn/\r\n--xyz\r\nContent-Disp";
        given().redirects().follow(false).cookie("tingfeng-session", sessionOf("t-admin"))
                .contentType("multipart/form-data; boundary=xyz").body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/app/sources/preview").then()
                .statusCode(not(500)).statusCode(org.hamcrest.Matchers.lessThan(500));
        given().redirects().follow(false).cookie("tingfeng-session", sessionOf("t-admin"))
                .contentType("multipart/form-data").body("garbage".getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/app/sources/preview").then()
                .statusCode(org.hamcrest.Matchers.lessThan(500));
    }

    @Test
    void webErrorsAreChinesePagesNotTheFrameworksEnglishOnes() {
        String session = sessionOf("t-analyst");
        String missing = given().redirects().follow(false).cookie("tingfeng-session", session).get("/app/no-such-page")
                .then().statusCode(404).extract().asString();
        assertThat(missing).contains("页面不存在").contains("lang=\"zh-CN\"").doesNotContain("Not Found").doesNotContain("{\"");
        String forbidden = given().redirects().follow(false).cookie("tingfeng-session", session).get("/app/admin")
                .then().statusCode(403).extract().asString();
        assertThat(forbidden).contains("无权访问").doesNotContain("Forbidden").doesNotContain("{\"");
        given().redirects().follow(false).cookie("tingfeng-session", session).get("/app/incidents/abc").then().statusCode(400)
                .body(containsString("请求有误"));
        TestAccounts.as("t-analyst").get("/api/no-such-endpoint").then().statusCode(404).body("error", equalTo("not_found"));
    }

    private static String sessionOf(String user) {
        return given().redirects().follow(false).formParam("j_username", user).formParam("j_password", TestAccounts.PASSWORD)
                .post("/j_security_check").then().statusCode(302).extract().cookie("tingfeng-session");
    }
}
