package cn.tingfeng.web;

import static cn.tingfeng.web.WebSession.as;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tingfeng.testsupport.TestAccounts;
import cn.tingfeng.tracking.TrackingApi;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Times are shown and read in the configured zone ({@code tingfeng.display.zone}), not in a zone fixed in the code: a
 * deployment set to UTC shows an incident that started at 01:00 UTC as 01:00 (Beijing would be 09:00), in the page and
 * in the script data of the live queue and the dashboard; a date typed in the search form is a day of that zone.
 */
@QuarkusTest
@TestProfile(DisplayZoneTest.Utc.class)
class DisplayZoneTest {
    public static class Utc implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tingfeng.display.zone", "UTC");
        }
    }

    @Inject
    TestAccounts accounts;

    @Test
    void pagesScriptsAndSearchDatesFollowTheConfiguredZone() {
        String title = "时区显示测试事件" + System.nanoTime();
        long incident = TrackingApi.createIncident(title, "III", Instant.parse("2026-11-02T01:00:00Z"));
        String page = as("t-analyst").get("/app/incidents/" + incident).then().statusCode(200).extract().asString();
        assertThat(page).contains("2026-11-02 01:00").doesNotContain("2026-11-02 09:00");
        assertThat(as("t-analyst").get("/app/alerts").then().statusCode(200).extract().asString()).contains("data-zone=\"UTC\"");
        assertThat(as("t-leader").get("/app/dashboard").then().statusCode(200).extract().asString()).contains("data-zone=\"UTC\"");
        assertThat(cn.tingfeng.search.SearchCriteria.of("停水", "2026-05-01", null, null, null, null, null, null, null,
                java.util.Set.of()).from()).isEqualTo(Instant.parse("2026-05-01T00:00:00Z"));
    }
}
