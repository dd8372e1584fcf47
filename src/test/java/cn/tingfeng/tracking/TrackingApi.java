package cn.tingfeng.tracking;

import static io.restassured.RestAssured.given;

import cn.tingfeng.testsupport.TestAccounts;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Calls of the tracker's HTTP API as the test accounts. */
public final class TrackingApi {
    private TrackingApi() {
    }

    public static RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, TestAccounts.PASSWORD).contentType("application/json");
    }

    public static long createIncident(String title, String grade, Instant startedAt) {
        return as("t-analyst").body(Map.of("title", title, "summary", "测试摘要", "grade", grade, "startedAt", startedAt.toString()))
                .post("/api/incidents").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    public static long assign(long incidentId, long unitId, String role) {
        return as("t-analyst").body(Map.of("unitId", unitId, "role", role))
                .post("/api/incidents/" + incidentId + "/assignments").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    public static JsonPath incident(long incidentId) {
        return as("t-analyst").get("/api/incidents/" + incidentId).then().statusCode(200).extract().jsonPath();
    }

    /** The assignment's part of GET /api/incidents/{id}. */
    public static Map<String, Object> assignment(long incidentId, long assignmentId) {
        List<Map<String, Object>> all = incident(incidentId).getList("assignments");
        return all.stream().filter(a -> ((Number) a.get("id")).longValue() == assignmentId).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    public static String clockStatus(long incidentId, long assignmentId, String clock) {
        Map<String, Object> clocks = (Map<String, Object>) assignment(incidentId, assignmentId).get("clocks");
        return (String) ((Map<String, Object>) clocks.get(clock)).get("status");
    }

    /** Supervision record types of one clock, in creation order. */
    @SuppressWarnings("unchecked")
    public static List<String> steps(long incidentId, long assignmentId, String clock) {
        List<Map<String, Object>> records = (List<Map<String, Object>>) assignment(incidentId, assignmentId).get("supervision");
        return records.stream().filter(r -> clock.equals(r.get("clock"))).map(r -> (String) r.get("type")).toList();
    }

    public static JsonPath sweep() {
        return as("t-admin").post("/api/admin/sla/sweep").then().statusCode(200).extract().jsonPath();
    }

    public static void post(String user, String path, Object body, int status) {
        RequestSpecification s = as(user);
        if (body != null) s = s.body(body);
        s.post(path).then().statusCode(status);
    }
}
