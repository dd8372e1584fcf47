package cn.tingfeng.tracking.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkdayCalendarTest {

    private final WorkdayCalendar cal = WorkdayCalendar.shipped();

    private static Instant cst(String localDateTime) {
        return OffsetDateTime.parse(localDateTime + "+08:00").toInstant();
    }

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    @Test
    void springFestival2026AdjustedSaturdaysAreWorkdaysAndTheHolidayIsNot() {
        assertThat(d("2026-02-14").getDayOfWeek().name()).isEqualTo("SATURDAY");
        assertThat(d("2026-02-28").getDayOfWeek().name()).isEqualTo("SATURDAY");
        assertThat(cal.isWorkday(d("2026-02-14"))).isTrue();
        assertThat(cal.isWorkday(d("2026-02-28"))).isTrue();
        for (LocalDate x = d("2026-02-15"); !x.isAfter(d("2026-02-23")); x = x.plusDays(1)) {
            assertThat(cal.isWorkday(x)).as(x.toString()).isFalse();
        }
        assertThat(cal.isWorkday(d("2026-02-13"))).isTrue();
        assertThat(cal.isWorkday(d("2026-02-24"))).isTrue();
        assertThat(cal.isWorkday(d("2026-02-21"))).isFalse(); // a Saturday inside the holiday
        assertThat(cal.isWorkday(d("2026-03-07"))).isFalse(); // an ordinary Saturday
        assertThat(cal.holidayName(d("2026-02-17"))).contains("春节");
    }

    @Test
    void shippedFileAgreesWithEveryStateCouncilNoticeInSharedData() throws Exception {
        Path dir = Path.of(System.getProperty("tingfeng.shared", Path.of("..", "shared").toString()), "data", "holidays-cn");
        Assumptions.assumeTrue(Files.isDirectory(dir), "../shared not present: skipping fixture test");
        ObjectMapper json = new ObjectMapper();
        int checked = 0;
        for (int year = 2023; year <= 2027; year++) {
            JsonNode file = json.readTree(dir.resolve(year + ".json").toFile());
            assertThat(cal.covers(year)).as("covers %s", year).isEqualTo(file.get("days").size() > 0);
            for (JsonNode day : file.get("days")) {
                LocalDate date = LocalDate.parse(day.get("date").asText());
                assertThat(cal.isWorkday(date)).as(date.toString()).isEqualTo(!day.get("isOffDay").asBoolean());
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(100);
        assertThat(cal.coveredYears()).containsExactly(2023, 2024, 2025, 2026);
    }

    @Test
    void oneWorkingDayAfterFridayBeforeTheFestivalEndsOnTheAdjustedSaturday() {
        assertThat(cal.addWorkdays(cst("2026-02-13T10:00:00"), 1)).isEqualTo(cst("2026-02-15T00:00:00"));
    }

    @Test
    void workingDayDeadlinesSkipTheWholeSpringFestival() {
        // 12th Thu: not counted; 13 Fri, 14 Sat(调休), then 15–23 off, 24 Tue
        assertThat(cal.addWorkdays(cst("2026-02-12T15:30:00"), 3)).isEqualTo(cst("2026-02-25T00:00:00"));
        assertThat(cal.addWorkdays(cst("2026-02-13T23:59:00"), 2)).isEqualTo(cst("2026-02-25T00:00:00"));
        // a start inside the holiday counts from the first working day after it
        assertThat(cal.addWorkdays(cst("2026-02-18T09:00:00"), 1)).isEqualTo(cst("2026-02-25T00:00:00"));
        // 27 Fri + 1 lands on the adjusted Saturday 28th
        assertThat(cal.addWorkdays(cst("2026-02-27T09:00:00"), 1)).isEqualTo(cst("2026-03-01T00:00:00"));
    }

    @Test
    void theStartDateIsTakenInShanghaiNotUtc() {
        // 17:00Z on the 13th is 01:00 on Saturday the 14th in Shanghai: the 14th is the (uncounted) start day
        assertThat(cal.addWorkdays(Instant.parse("2026-02-13T17:00:00Z"), 1)).isEqualTo(cst("2026-02-25T00:00:00"));
        assertThat(cal.addWorkdays(Instant.parse("2026-02-13T15:59:00Z"), 1)).isEqualTo(cst("2026-02-15T00:00:00"));
    }

    @Test
    void deadlinesChainAdditively() {
        Instant t = cst("2026-02-10T11:00:00");
        for (int n = 0; n <= 6; n++) {
            for (int m = 1; m <= 6; m++) {
                assertThat(cal.addWorkdays(cal.addWorkdays(t, n == 0 ? 1 : n), m))
                        .isEqualTo(cal.addWorkdays(t, (n == 0 ? 1 : n) + m));
            }
        }
    }

    @Test
    void zeroWorkingDaysMeansTheEndOfTheSameOrNextWorkingDay() {
        assertThat(cal.addWorkdays(cst("2026-02-13T10:00:00"), 0)).isEqualTo(cst("2026-02-14T00:00:00"));
        assertThat(cal.addWorkdays(cst("2026-02-20T10:00:00"), 0)).isEqualTo(cst("2026-02-25T00:00:00"));
        assertThatThrownBy(() -> cal.addWorkdays(cst("2026-02-20T10:00:00"), -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void workdaysBetweenListsAdjustedWeekendsAndSkipsHolidays() {
        assertThat(cal.workdaysBetween(d("2026-02-09"), d("2026-03-01"))).containsExactly(
                d("2026-02-09"), d("2026-02-10"), d("2026-02-11"), d("2026-02-12"), d("2026-02-13"), d("2026-02-14"),
                d("2026-02-24"), d("2026-02-25"), d("2026-02-26"), d("2026-02-27"), d("2026-02-28"));
        assertThat(cal.workdaysBetween(d("2026-01-01"), d("2026-01-04"))).containsExactly(d("2026-01-04"));
        assertThat(cal.countWorkdays(d("2026-10-01"), d("2026-10-11"))).isEqualTo(3); // 8 Thu, 9 Fri, 10 Sat(调休)
        assertThat(cal.workdaysBetween(d("2026-03-02"), d("2026-03-01"))).isEmpty();
    }

    @Test
    void reminderOneWorkingDayBeforeADeadlineIsTheMorningOfTheLastWorkingDay() {
        // deadline end of Tue 24th: the last working day is the 24th itself
        assertThat(cal.startOfNthWorkdayBefore(cst("2026-02-25T00:00:00"), 1)).isEqualTo(cst("2026-02-24T00:00:00"));
        // two working days back from the 24th crosses the festival to the adjusted Saturday 14th
        assertThat(cal.startOfNthWorkdayBefore(cst("2026-02-25T00:00:00"), 2)).isEqualTo(cst("2026-02-14T00:00:00"));
    }

    @Test
    void warnsInDecemberWhenNextYearsNoticeIsMissing() {
        assertThat(cal.covers(2027)).isFalse();
        assertThat(cal.missingNextYearWarning(d("2026-12-01"))).isTrue();
        assertThat(cal.missingNextYearWarning(d("2026-11-30"))).isFalse();
        assertThat(cal.missingNextYearWarning(d("2025-12-15"))).isFalse();
        assertThat(cal.coverageWarning(d("2026-12-01"))).get().asString().contains("2027");
        assertThat(cal.coverageWarning(d("2026-06-01"))).isEmpty();
    }

    @Test
    void anAdministratorsOverrideFilePublishesANewYearAndReplacesAYear(@TempDir Path tmp) throws Exception {
        Path override = tmp.resolve("holidays-override.json");
        Files.writeString(override, """
                {"years": [
                  {"year": 2027, "papers": ["https://www.gov.cn/example"], "days": [
                    {"date": "2027-01-01", "name": "元旦", "isOffDay": true},
                    {"date": "2027-02-20", "name": "春节", "isOffDay": false}]},
                  {"year": 2026, "days": [{"date": "2026-02-16", "name": "春节", "isOffDay": true}]}
                ]}""", StandardCharsets.UTF_8);
        WorkdayCalendar edited = WorkdayCalendar.shippedWithOverride(override);
        assertThat(edited.covers(2027)).isTrue();
        assertThat(edited.missingNextYearWarning(d("2026-12-01"))).isFalse();
        assertThat(edited.isWorkday(d("2027-01-01"))).isFalse();
        assertThat(edited.isWorkday(d("2027-02-20"))).isTrue(); // a Saturday made a working day
        // the override's 2026 replaces the shipped 2026 entirely: 14th is an ordinary Saturday again
        assertThat(edited.isWorkday(d("2026-02-14"))).isFalse();
        assertThat(WorkdayCalendar.shippedWithOverride(tmp.resolve("absent.json")).isWorkday(d("2026-02-14"))).isTrue();
    }

    @Test
    void rejectsAnOverrideWithDuplicateDates() {
        String bad = "{\"years\":[{\"year\":2027,\"days\":[{\"date\":\"2027-01-01\",\"isOffDay\":true},"
                + "{\"date\":\"2027-01-01\",\"isOffDay\":false}]}]}";
        assertThatThrownBy(() -> WorkdayCalendar.read(new ByteArrayInputStream(bad.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("重复");
    }
}
