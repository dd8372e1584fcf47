package cn.tingfeng.incident.grade;

import cn.tingfeng.shared.Grade;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CasualtyGradingTest {

    final CasualtyGrading g = new CasualtyGrading();

    Grade grade(String text) {
        return g.assess(text).map(CasualtyAssessment::grade).orElse(null);
    }

    @Test
    void readsDeathsWrittenWithDigitsOrChineseNumerals() {
        assertThat(grade("事故造成3人死亡")).isEqualTo(Grade.III);
        assertThat(grade("已造成三人遇难")).isEqualTo(Grade.III);
        assertThat(grade("事故共导致死亡12人")).isEqualTo(Grade.II);
        assertThat(grade("已致15人遇难、数十人受伤")).isEqualTo(Grade.II);
        assertThat(grade("遇难人数已升至三十二人")).isEqualTo(Grade.I);
        assertThat(grade("两名少年在此游泳时不幸溺亡")).isEqualTo(Grade.IV);
        assertThat(grade("车祸致1死2伤")).isEqualTo(Grade.IV);
        assertThat(grade("造成１０人死亡")).isEqualTo(Grade.II);
        assertThat(g.assess("造成二十三人死亡").orElseThrow().deaths()).isEqualTo(23);
    }

    @Test
    void takesTheHighestTollWhenTheTextUpdatesIt() {
        assertThat(grade("初步统计2人死亡，截至目前已有9人死亡")).isEqualTo(Grade.III);
    }

    @Test
    void vagueCountsGiveLowerBoundsOrNothing() {
        assertThat(grade("事故已造成十余人遇难")).isEqualTo(Grade.II);
        assertThat(grade("已有数十人遇难")).isEqualTo(Grade.II);
        assertThat(grade("现场多人受伤送医")).isNull();
        assertThat(grade("多人死亡")).isNull();
    }

    @Test
    void seriousInjuriesCountAndTheMoreSeriousWins() {
        assertThat(grade("致10人重伤")).isEqualTo(Grade.III);
        assertThat(grade("重伤55人")).isEqualTo(Grade.II);
        assertThat(grade("造成1人死亡，120人重伤")).isEqualTo(Grade.I);
    }

    @Test
    void noCasualtiesOrAFewLightInjuriesMeanGradeFour() {
        assertThat(grade("消防部门已调集力量扑救，目前暂无人员伤亡报告")).isEqualTo(Grade.IV);
        assertThat(grade("所幸未造成人员伤亡")).isEqualTo(Grade.IV);
        assertThat(grade("游客已全部安全救下")).isEqualTo(Grade.IV);
        assertThat(grade("2人受轻伤")).isEqualTo(Grade.IV);
        assertThat(g.assess("暂无人员伤亡").orElseThrow().reason()).contains("IV级");
    }

    @Test
    void textThatFixesNothingGivesNoGrade() {
        assertThat(g.assess("小区垃圾清运不及时，居民反映臭味很大")).isEmpty();
        assertThat(g.assess("2019年以来已死亡率下降")).isEmpty();
        assertThat(g.assess("12岁男孩走失")).isEmpty();
        assertThat(g.assess("")).isEmpty();
        assertThat(g.assess(null)).isEmpty();
    }

    @Test
    void manyInjuredWithAFewDeathsDoesNotFixGradeFour() {
        assertThat(grade("1人死亡，30多人受伤")).isNull();
    }

    @Test
    void parsesChineseNumerals() {
        assertThat(ChineseNumbers.parse("十五")).isEqualTo(15);
        assertThat(ChineseNumbers.parse("二十三")).isEqualTo(23);
        assertThat(ChineseNumbers.parse("一百零二")).isEqualTo(102);
        assertThat(ChineseNumbers.parse("两")).isEqualTo(2);
        assertThat(ChineseNumbers.parse("abc")).isEqualTo(-1);
    }
}
