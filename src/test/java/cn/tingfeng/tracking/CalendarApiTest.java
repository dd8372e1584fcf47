package cn.tingfeng.tracking;

import static cn.tingfeng.tracking.TrackingApi.as;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tingfeng.testsupport.MutableClock;
import cn.tingfeng.tracking.calendar.CalendarService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CalendarApiTest {
    @Inject
    MutableClock clock;
    @Inject
    CalendarService calendar;

    @AfterEach
    void reset() throws Exception {
        clock.reset();
        Files.deleteIfExists(calendar.overrideFile());
        calendar.reload();
    }

    @Test
    void workdaysAcrossTheSpringFestivalIncludeTheAdjustedSaturday() {
        JsonPath r = as("t-department").get("/api/calendar/workdays?from=2026-02-13&to=2026-02-25").then().statusCode(200)
                .extract().jsonPath();
        assertThat(r.getString("from")).isEqualTo("2026-02-13");
        assertThat(r.getList("workdays")).containsExactly("2026-02-13", "2026-02-14", "2026-02-24", "2026-02-25");
        as("t-leader").get("/api/calendar/workdays?from=2026-02-30&to=2026-03-01").then().statusCode(400)
                .body("details[0].field", org.hamcrest.Matchers.is("from"));
        as("t-leader").get("/api/calendar/workdays?from=2026-03-01&to=2026-02-01").then().statusCode(400);
    }

    @Test
    void decemberWarnsUntilNextYearsNoticeIsLoaded() {
        clock.set(Instant.parse("2026-12-05T02:00:00Z"));
        String warning = as("t-admin").get("/api/calendar/coverage").then().statusCode(200).extract().jsonPath().getString("warning");
        assertThat(warning).contains("2027");
        as("t-analyst").body(Map.of("days", List.of())).put("/api/calendar/years/2027").then().statusCode(403);
        JsonPath after = as("t-admin").body(Map.of("published", true, "papers", List.of("https://www.gov.cn/example"),
                        "days", List.of(Map.of("date", "2027-01-01", "name", "元旦", "isOffDay", true))))
                .put("/api/calendar/years/2027").then().statusCode(200).extract().jsonPath();
        assertThat(after.getList("years", Integer.class)).contains(2027);
        assertThat(after.getString("warning")).isNull();
        assertThat(as("t-analyst").get("/api/calendar/workdays?from=2027-01-01&to=2027-01-01").then().statusCode(200)
                .extract().jsonPath().getList("workdays")).isEmpty();
        as("t-admin").body(Map.of("days", List.of(Map.of("date", "2031-01-01", "isOffDay", true))))
                .put("/api/calendar/years/2027").then().statusCode(400);
    }
}
