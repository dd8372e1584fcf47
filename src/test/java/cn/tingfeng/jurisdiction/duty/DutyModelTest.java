package cn.tingfeng.jurisdiction.duty;

import cn.tingfeng.jurisdiction.ResponsibilityClassifier;
import cn.tingfeng.jurisdiction.classify.LearnedWeight;
import cn.tingfeng.jurisdiction.classify.WeightLearning;
import cn.tingfeng.jurisdiction.data.DutyFile;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The duty model's parts in isolation: request sentences, co-occurrences, ranking with evidence, new words. */
class DutyModelTest {

    static DutyLexicon lexicon(List<DutyFile.Combo> combos) {
        Map<String, DutyFile.Category> cats = new LinkedHashMap<>();
        cats.put("education", new DutyFile.Category("教育局", "教育", List.of(), Map.of("学生", 2.0)));
        cats.put("transport", new DutyFile.Category("交通运输局", "交通运输", List.of(), Map.of("村道", 3.0)));
        cats.put("housing-construction", new DutyFile.Category("住房和城乡建设局", "住房和城乡建设", List.of(), Map.of("小区", 1.0)));
        return DutyLexicon.of(new DutyFile(cats, Map.of(), combos), null);
    }

    @Test
    void onlySentencesCarryingARequestAreMarkedAndASingleSentenceHasNoBackground() {
        String text = "孩子每天走这条路上学。希望修一修这条村道！";
        boolean[] mask = DutyClassifier.requestSentences(text);
        assertThat(mask).isNotNull();
        assertThat(mask[text.indexOf("孩子")]).isFalse();
        assertThat(mask[text.indexOf("村道")]).isTrue();
        assertThat(DutyClassifier.requestSentences("希望修一修这条村道")).isNull();
        assertThat(DutyClassifier.requestSentences("路坏了。没人管。")).isNull();
    }

    @Test
    void theRequestOutweighsTheSameWordsInTheBackground() {
        DutyClassifier d = new DutyClassifier(lexicon(List.of()));
        // 学生 (2) in the request vs 村道 (3) in the background, and the other way round
        DutyResult r = d.classify("", "这条村道很多人走。希望管管学生。", Map.of());
        CategoryScore edu = r.ranked().stream().filter(c -> c.category().equals("education")).findFirst().orElseThrow();
        assertThat(edu.score()).isEqualTo(2.6);
        assertThat(r.lead().category()).isEqualTo("transport");
    }

    @Test
    void aCoOccurrenceAddsItsWeightOnceWithTheWordsFoundAsEvidence() {
        DutyLexicon lex = lexicon(List.of(new DutyFile.Combo(List.of("小区|楼盘", "物业"), List.of("工资"), "housing-construction", 3.0, "物业")));
        DutyClassifier d = new DutyClassifier(lex);
        DutyResult r = d.classify("楼盘物业不作为", "小区物业不管事，物业费照收。", Map.of());
        assertThat(r.lead().category()).isEqualTo("housing-construction");
        assertThat(r.lead().triggers()).contains("小区+物业");
        assertThat(r.lead().score()).isEqualTo(4.0); // 小区 1 + combo 3, once
        assertThat(d.classify("", "小区物业拖欠工资。", Map.of()).ranked().get(0).score()).isEqualTo(1.0); // none: 工资
        assertThatThrownBy(() -> lexicon(List.of(new DutyFile.Combo(List.of("a"), null, "nope", 1.0, null))))
                .hasMessageContaining("未知部门类别");
    }

    @Test
    void theShippedModelRanksSeveralDutiesWithTheirEvidence() {
        var c = ResponsibilityClassifier.shipped().classify("工地晚上施工噪音大，包工头还欠工资",
                "我住在灌云县伊山镇，对面工地每天晚上施工到十二点，噪音吵得睡不着；我在那干活的亲戚说包工头还拖欠工资。希望有关部门管一管。");
        assertThat(c.duties()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(c.duties()).extracting(CategoryScore::category).contains("urban-management", "human-resources");
        assertThat(c.duties()).allMatch(d -> !d.triggers().isEmpty());
        assertThat(c.duties().get(0).score()).isGreaterThanOrEqualTo(c.duties().get(1).score());
    }

    @Test
    void anApprovedNewWordAddsToTheCorrectedCategoryOnlyAndTeachesTheLexiconAWordItDidNotKnow() {
        LearnedWeight w = new LearnedWeight();
        w.term = "充电桩";
        w.fromCategory = LearnedWeight.NEW_TERM;
        w.toCategory = "development-reform";
        w.appliedDelta = 3.0;
        Map<String, Map<String, Double>> adj = WeightLearning.adjustments(List.of(w), java.util.Set.of("development-reform", "education"));
        assertThat(adj).containsOnlyKeys("development-reform");
        ResponsibilityClassifier base = ResponsibilityClassifier.shipped();
        assertThat(base.lexicon().knows("充电桩")).isFalse();
        ResponsibilityClassifier taught = base.withAdjustments(adj);
        assertThat(taught.lexicon().knows("充电桩")).isTrue();
        assertThat(taught.classify("灌云县小区充电桩被圈占", "灌云县伊山镇小区充电桩被圈占，希望处理。").duties())
                .anyMatch(d -> d.category().equals("development-reform") && d.triggers().contains("充电桩"));
    }
}
