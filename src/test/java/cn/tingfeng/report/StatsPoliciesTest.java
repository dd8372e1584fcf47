package cn.tingfeng.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tingfeng.report.Definitions.ClockFacts;
import cn.tingfeng.report.Definitions.Deadline;
import cn.tingfeng.shared.ApiException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

/** The pure parts of the statistics: definitions on one clock, rates, rankings, trends, query checks, exports. */
class StatsPoliciesTest {
    static final Instant START = Instant.parse("2026-09-28T01:00:00Z");

    static Instant h(double hours) {
        return START.plusSeconds(Math.round(hours * 3600));
    }

    /** A grade II first-response clock: target 3 h, limit 5 h from the start. */
    static ClockFacts firstResponse(Double metAfterHours) {
        return new ClockFacts(h(3), h(5), metAfterHours == null ? null : h(metAfterHours));
    }

    @Test
    void onTimeIsStrictlyBeforeTheDeadlineAndDecidedOnlyOnceMetOrPassed() {
        Instant now = h(4);
        assertThat(Definitions.onTime(firstResponse(2.0), Deadline.TARGET)).isTrue();
        assertThat(Definitions.onTime(firstResponse(3.0), Deadline.TARGET)).isFalse(); // at the target = late (half-open)
        assertThat(Definitions.onTime(firstResponse(3.0), Deadline.LIMIT)).isTrue();
        assertThat(Definitions.onTime(firstResponse(6.0), Deadline.LIMIT)).isFalse(); // after the limit
        // not met: at 4 h the target has passed (decided, not on time), the limit has not (not counted yet)
        assertThat(Definitions.decided(firstResponse(null), Deadline.TARGET, now)).isTrue();
        assertThat(Definitions.decided(firstResponse(null), Deadline.LIMIT, now)).isFalse();
        assertThat(Definitions.decided(firstResponse(null), Deadline.LIMIT, h(5))).isTrue();
        assertThat(Definitions.overdue(firstResponse(null), true, h(5))).isTrue();
        assertThat(Definitions.overdue(firstResponse(null), false, h(5))).isFalse(); // closed: stopped
        assertThat(Definitions.overdue(firstResponse(4.9), true, h(6))).isFalse();
        assertThat(Definitions.assignmentOpen("active")).isTrue();
        assertThat(Definitions.assignmentOpen("closed")).isFalse();
        assertThat(Definitions.assignmentOpen("reassigned")).isFalse();
    }

    @Test
    void percentilesInterpolateLikePercentileCont() {
        List<Double> v = List.of(360.0, 360.0, 540.0, 3600.0, 14040.0);
        assertThat(Definitions.percentile(v, 0.5)).isEqualTo(540.0);
        assertThat(Definitions.percentile(v, 0.9)).isEqualTo(9864.0, org.assertj.core.api.Assertions.within(1e-6)); // 3600 + 0.6 × 10440
        assertThat(Definitions.percentile(List.of(7200.0, 14400.0, 21600.0, 108000.0), 0.5)).isEqualTo(18000.0);
        assertThat(Definitions.percentile(List.of(), 0.5)).isNull();
    }

    @Test
    void ratesKeepTheirCountsAndRoundHalfUp() {
        assertThat(new Rate(283, 297).percent()).isEqualTo("95.29");
        assertThat(new Rate(39, 49).percent()).isEqualTo("79.59"); // the 2017 report's leader-instructed 办结率
        assertThat(new Rate(0, 0).percent()).isNull();
        assertThat(new Rate(1, 3).ratio()).isEqualTo(1 / 3.0);
    }

    static Stats.Counts counts(long assigned, long limitOk, long limitDecided, long fed, long done) {
        return new Stats.Counts(assigned, assigned, 0, 0, 0, 0, limitDecided, limitOk, 0, 0, 0, fed, done, 0);
    }

    @Test
    void rankingsOrderByOnTimeThenCompletionAndFlagBelowTheFloorWithEnoughItems() {
        List<Stats.RankRow> rows = Rankings.rank(List.of(
                new Rankings.Group(1L, "甲局", "海州区", counts(3, 2, 3, 3, 2)),
                new Rankings.Group(2L, "乙局", "海州区", counts(2, 1, 1, 1, 1)),
                new Rankings.Group(3L, "丙局", "赣榆区", counts(4, 4, 4, 4, 4)),
                new Rankings.Group(4L, "丁局", "赣榆区", counts(0, 0, 0, 0, 0))), 0.9, 2);
        assertThat(rows).extracting(Stats.RankRow::name).containsExactly("丙局", "乙局", "甲局", "丁局");
        assertThat(rows).extracting(Stats.RankRow::rank).containsExactly(1, 2, 3, 4);
        assertThat(rows.get(0).flagged()).isFalse();
        // 乙局: on time 1 of 1 (too few to judge), feedback and completion 1 of 2
        assertThat(rows.get(1).flags()).containsExactly("feedback", "completion");
        assertThat(rows.get(2).flags()).containsExactly("onTimeLimit", "completion");
        assertThat(rows.get(3).flagged()).isFalse(); // nothing to count
        assertThat(rows.get(2).figures().onTimeLimitRate()).isEqualTo(66.67);
        assertThat(rows.get(2).figures().onTimeLimit()).isEqualTo(new Rate(2, 3));
    }

    @Test
    void trendsRollDaysIntoMondayWeeksAndMonthsWithEveryDayPresent() {
        LocalDate from = LocalDate.parse("2026-09-27"); // a Sunday
        LocalDate to = LocalDate.parse("2026-10-02");
        Stats.Trends t = Trends.of(from, to, Map.of(
                LocalDate.parse("2026-09-27"), counts(1, 1, 1, 1, 1),
                LocalDate.parse("2026-09-29"), counts(2, 1, 2, 0, 0),
                LocalDate.parse("2026-10-01"), counts(4, 0, 0, 0, 0)));
        assertThat(t.day()).hasSize(6);
        assertThat(t.day().get(1).figures().assigned()).isZero();
        assertThat(t.week()).extracting(r -> r.start().toString()).containsExactly("2026-09-21", "2026-09-28");
        assertThat(t.week()).extracting(r -> r.figures().assigned()).containsExactly(1L, 6L);
        assertThat(t.month()).extracting(r -> r.start().toString()).containsExactly("2026-09-01", "2026-10-01");
        assertThat(t.month().get(0).figures().onTimeLimit()).isEqualTo(new Rate(2, 3));
    }

    @Test
    void queriesAreCheckedNamingTheField() {
        LocalDate d = LocalDate.parse("2026-09-28");
        assertThatThrownBy(() -> StatsQuery.of(d, d.minusDays(1), null, null, null, null, null))
                .isInstanceOf(ApiException.class).hasMessageContaining("请求参数有误");
        assertThat(field(() -> StatsQuery.of(d, d.minusDays(1), null, null, null, null, null))).isEqualTo("from");
        assertThat(field(() -> StatsQuery.of(null, d, null, null, null, null, null))).isEqualTo("from");
        assertThat(field(() -> StatsQuery.of(d, null, null, null, null, null, null))).isEqualTo("to");
        assertThat(field(() -> StatsQuery.of(d, d, null, null, "V", null, null))).isEqualTo("grade");
        assertThat(field(() -> StatsQuery.of(d, d.plusDays(4000), null, null, null, null, null))).isEqualTo("to");
        assertThat(StatsQuery.of(d, d, " ", null, "II", "", null)).isEqualTo(new StatsQuery(d, d, null, null, "II", null, null));
    }

    private static String field(Runnable r) {
        try {
            r.run();
        } catch (ApiException e) {
            assertThat(e.status()).isEqualTo(400);
            return e.details().get(0).field();
        }
        return null;
    }

    static final Table HOSTILE = new Table("byUnit", "单位排名", List.of("名次", "单位", "比率"), List.of(
            List.of(1, "=HYPERLINK(\"http://x\",\"点我\")", 66.67),
            List.of(2, "+1+1", 50.0),
            List.of(3, "-2,\"引号\"\n换行", 0),
            List.of(4, "@SUM(A1)", 100),
            java.util.Arrays.asList(5, "连云港市教育局", null)));

    @Test
    void csvHasABomQuotesAndDefusesFormulas() {
        byte[] csv = TableExport.csv(HOSTILE);
        assertThat(csv[0]).isEqualTo((byte) 0xEF);
        assertThat(csv[1]).isEqualTo((byte) 0xBB);
        assertThat(csv[2]).isEqualTo((byte) 0xBF);
        String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
        assertThat(text).isEqualTo("名次,单位,比率\r\n"
                + "1,\"'=HYPERLINK(\"\"http://x\"\",\"\"点我\"\")\",66.67\r\n"
                + "2,'+1+1,50.0\r\n"
                + "3,\"'-2,\"\"引号\"\"\n换行\",0\r\n"
                + "4,'@SUM(A1),100\r\n"
                + "5,连云港市教育局,\r\n");
    }

    @Test
    void xlsxReadsBackWithTextAsTextAndNumbersAsNumbers() throws Exception {
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(TableExport.xlsx(HOSTILE)))) {
            List<Row> rows = wb.getFirstSheet().read();
            assertThat(wb.getFirstSheet().getName()).isEqualTo("单位排名");
            assertThat(rows).hasSize(6);
            assertThat(rows.get(0).getCellText(1)).isEqualTo("单位");
            assertThat(rows.get(1).getCellText(1)).isEqualTo("'=HYPERLINK(\"http://x\",\"点我\")");
            assertThat(rows.get(1).getCell(2).getType()).isEqualTo(org.dhatim.fastexcel.reader.CellType.NUMBER);
            assertThat(rows.get(1).getCellAsNumber(2).orElseThrow().doubleValue()).isEqualTo(66.67);
            assertThat(rows.get(5).getCellText(1)).isEqualTo("连云港市教育局");
        }
    }

    @Test
    void responseChannelsAreInferredFromTheFreeTextChannel() {
        assertThat(cn.tingfeng.tracking.ResponseChannel.infer("政府网站")).isEqualTo(cn.tingfeng.tracking.ResponseChannel.WEBSITE);
        assertThat(cn.tingfeng.tracking.ResponseChannel.infer("连云港发布（政务微博）")).isEqualTo(cn.tingfeng.tracking.ResponseChannel.WEIBO);
        assertThat(cn.tingfeng.tracking.ResponseChannel.infer("微信公众号")).isEqualTo(cn.tingfeng.tracking.ResponseChannel.WECHAT);
        assertThat(cn.tingfeng.tracking.ResponseChannel.infer("政在访谈")).isEqualTo(cn.tingfeng.tracking.ResponseChannel.INTERVIEW);
        assertThat(cn.tingfeng.tracking.ResponseChannel.infer("政策解读专栏")).isEqualTo(cn.tingfeng.tracking.ResponseChannel.INTERPRETATION);
        assertThat(cn.tingfeng.tracking.ResponseChannel.infer("连云港日报")).isEqualTo(cn.tingfeng.tracking.ResponseChannel.MEDIA);
        assertThat(cn.tingfeng.tracking.ResponseChannel.infer("短信")).isEqualTo(cn.tingfeng.tracking.ResponseChannel.OTHER);
        assertThat(cn.tingfeng.tracking.ResponseChannel.ofCode("weibo")).contains(cn.tingfeng.tracking.ResponseChannel.WEIBO);
        assertThat(cn.tingfeng.tracking.ResponseChannel.ofCode("nope")).isEmpty();
    }
}
