package cn.tingfeng.jurisdiction.classify;

import cn.tingfeng.jurisdiction.ResponsibilityClassifier;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a corrected post teaches beyond the words the lexicon knows (plain JUnit, HanLP segmentation). */
class CorrectionLearningTest {

    static final ResponsibilityClassifier C = ResponsibilityClassifier.shipped();

    @Test
    void aCorrectedPostTeachesWordsTheLexiconDoesNotKnow() {
        List<String> terms = CorrectionLearning.newTerms(C, "小区充电桩被私人圈占",
                "我们小区的公共充电桩被几户人家用地锁圈起来了，别人不能充。希望管一管充电桩圈占的问题。");
        System.out.println("new terms: " + terms);
        assertThat(terms).isNotEmpty().contains("充电桩");
        assertThat(terms).allMatch(t -> !C.lexicon().knows(t));
        assertThat(terms).doesNotContain("问题", "小区");
    }

    @Test
    void unknownEstatesVillagesAndRoadsAreFoundButKnownPlacesAreNot() {
        List<String> places = CorrectionLearning.unknownPlaces(C.gazetteer(), "幸福家园小区物业不作为",
                "我住在幸福家园小区，旁边王庄村的路灯也不亮，伊山镇政府说不归他们管。");
        System.out.println("unknown places: " + places);
        assertThat(places).contains("幸福家园");
        assertThat(places).noneMatch(p -> p.contains("伊山"));
        assertThat(CorrectionLearning.unknownPlaces(C.gazetteer(), "某小区", "我家小区门口的路灯坏了。")).isEmpty();
    }
}
