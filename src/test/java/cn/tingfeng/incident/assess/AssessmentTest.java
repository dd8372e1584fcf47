package cn.tingfeng.incident.assess;

import cn.tingfeng.shared.Grade;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class AssessmentTest {

    private static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");
    private final CategoryClassifier categories = CategoryClassifier.shipped();
    private final IncidentGrader grader = new IncidentGrader(GradingThresholds.defaults());

    @Test
    void categoriesFollowTheKeywords() {
        assertThat(categories.classify("化工园区发生爆炸 已致15人遇难", "事故原因正在调查。").category())
                .contains(Art18Category.MAJOR_EMERGENCY);
        assertThat(categories.classify("一企业拖欠员工工资三个月", "数十名员工讨薪无果。").category())
                .contains(Art18Category.LIVELIHOOD_MORALITY);
        assertThat(categories.classify("网传自来水厂被投毒系谣言", "警方辟谣：该消息系编造。").category())
                .contains(Art18Category.FALSE_INFORMATION);
        assertThat(categories.classify("城管暴力执法视频引发质疑", "网友质疑有关部门不作为。").category())
                .contains(Art18Category.IMAGE_DAMAGING);
        assertThat(categories.classify("市政府常务会议审议通过老旧小区改造实施方案", "").category())
                .contains(Art18Category.MAJOR_DECISION);
        assertThat(categories.classify("今天天气不错", "适合出门散步").category()).isEmpty();
    }

    @Test
    void summaryTakesRepresentativeSentencesVerbatim() {
        List<String> posts = List.of(
                "连云港某化工园区一企业发生爆炸，已造成15人遇难。事故原因正在调查。我今天中午吃了饺子。",
                "转：连云港某化工园区一企业发生爆炸，已造成15人遇难。省应急管理厅已派出工作组。",
                "据网传消息，连云港某化工园区一企业发生爆炸，已造成15人遇难。现场浓烟滚滚。");
        List<String> summary = ExtractiveSummarizer.summarize(posts, 2, 200);
        assertThat(summary).hasSize(2);
        assertThat(summary.get(0)).contains("发生爆炸").contains("15人遇难");
        assertThat(summary).doesNotContain("我今天中午吃了饺子。");
        for (String s : summary) {
            assertThat(posts).anySatisfy(p -> assertThat(p).contains(s));
        }
    }

    @Test
    void casualtyGradeDecidesWhenSpreadIsSmall() {
        IncidentGrader.Result r = grader.grade(new IncidentGrader.Input(Optional.of(Grade.II), "15人遇难",
                spread(3, 3, 60), Optional.of(Art18Category.MAJOR_EMERGENCY)));
        assertThat(r.grade()).isEqualTo(Grade.II);
        assertThat(r.reason()).startsWith("定为 II 级（重大）").contains("15人遇难").contains("传播情况");
    }

    @Test
    void wideSpreadRaisesTheGradeAndCategorySetsAFloor() {
        assertThat(grader.grade(new IncidentGrader.Input(Optional.empty(), null, spread(150, 30, 300),
                Optional.of(Art18Category.LIVELIHOOD_MORALITY))).grade()).isEqualTo(Grade.III);
        assertThat(grader.grade(new IncidentGrader.Input(Optional.empty(), null, spread(2, 2, 60),
                Optional.of(Art18Category.LIVELIHOOD_MORALITY))).grade()).isEqualTo(Grade.IV);
        IncidentGrader.Result emergency = grader.grade(new IncidentGrader.Input(Optional.of(Grade.IV), "无人员伤亡",
                spread(2, 2, 60), Optional.of(Art18Category.MAJOR_EMERGENCY)));
        assertThat(emergency.grade()).isEqualTo(Grade.III);
        assertThat(emergency.reason()).contains("重大突发事件");
    }

    @Test
    void thresholdsAreConfigurable() {
        GradingThresholds strict = new GradingThresholds(java.util.Map.of(Grade.III,
                new GradingThresholds.SpreadThreshold(10, 5, 5)), java.util.Map.of());
        assertThat(new IncidentGrader(strict).grade(new IncidentGrader.Input(Optional.empty(), null,
                spread(12, 2, 600), Optional.empty())).grade()).isEqualTo(Grade.III);
    }

    @Test
    void spreadCountsDistinctSourcesAndPeakHour() {
        Spread s = spread(10, 4, 5);
        assertThat(s.posts()).isEqualTo(10);
        assertThat(s.distinctSources()).isEqualTo(4);
        assertThat(s.firstSeen()).isEqualTo(T0);
        assertThat(s.peakPostsPerHour()).isEqualTo(10);
    }

    @Test
    void heatIsRisingWhenTheLastHourOutpacesTheHoursBefore() {
        List<Instant> times = new ArrayList<>();
        for (int h = 0; h < 3; h++) {
            times.add(T0.plus(Duration.ofHours(h)).plusSeconds(600));
            times.add(T0.plus(Duration.ofHours(h)).plusSeconds(1800));
        }
        Instant now = T0.plus(Duration.ofHours(4));
        for (int k = 0; k < 8; k++) {
            times.add(now.minusSeconds(300 * (k + 1)));
        }
        Heat heat = Heat.of(times, now, Heat.Config.defaults());
        assertThat(heat.rising()).isTrue();
        assertThat(heat.timeline()).extracting(Heat.HourBucket::posts).containsExactly(2, 2, 2, 8, 0);
        assertThat(heat.timeline().get(0).hour()).isEqualTo(T0);

        List<Instant> steady = new ArrayList<>();
        for (int m = 0; m < 240; m += 10) {
            steady.add(T0.plus(Duration.ofMinutes(m)));
        }
        assertThat(Heat.of(steady, T0.plus(Duration.ofHours(4)), Heat.Config.defaults()).rising()).isFalse();
    }

    private static Spread spread(int posts, int sources, int minutesApart) {
        List<SpreadPost> list = new ArrayList<>();
        for (int i = 0; i < posts; i++) {
            list.add(new SpreadPost(T0.plus(Duration.ofSeconds((long) i * minutesApart)), "source-" + (i % sources),
                    i % 2 == 0 ? "weibo" : "forum"));
        }
        return Spread.of(list);
    }
}
