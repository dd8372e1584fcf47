package cn.tingfeng.jurisdiction;

import cn.tingfeng.shared.Grade;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Art. 19 (属地管理、分级负责；谁主管、谁负责), one rule at a time. */
class Article19RulesTest {

    static final ResponsibilityClassifier C = DevFixtureAccuracyTest.CLASSIFIER;

    @Test
    void oneCountyGoesToThatCountysCompetentDepartment() {
        Classification c = C.classify("灌云县一小学教师体罚学生", "灌云县伊山镇一所小学的老师因学生没完成作业对其体罚，家长要求学校给个说法。");
        assertThat(c.level()).isEqualTo(Level.COUNTY);
        assertThat(c.territory()).isEqualTo("灌云县");
        assertThat(c.lead()).isEqualTo(new Assignee("education", "灌云县教育局"));
        assertThat(c.rationale()).anyMatch(l -> l.contains("第十九条") && l.contains("属地管理"));
        assertThat(c.rationale()).anyMatch(l -> l.contains("谁主管、谁负责") && l.contains("体罚"));
    }

    @Test
    void aFunctionalZoneActsAtCountyLevelWithItsOwnUnitNames() {
        Classification c = C.classify("徐圩新区一企业拖欠工资", "徐圩新区一家建筑公司拖欠农民工工资两个月。");
        assertThat(c.level()).isEqualTo(Level.COUNTY);
        assertThat(c.territory()).isEqualTo("徐圩新区");
        assertThat(c.lead().category()).isEqualTo("human-resources");
        assertThat(c.lead().unit()).startsWith("徐圩新区管委会");
    }

    @Test
    void severalCountiesGoToTheCityDepartment() {
        Classification c = C.classify("赣榆东海多地出现假农药", "赣榆区、东海县多个乡镇的农户反映买到假农药，庄稼大面积减产。");
        assertThat(c.level()).isEqualTo(Level.CITY);
        assertThat(c.territory()).isNull();
        assertThat(c.lead().category()).isEqualTo("agriculture-rural");
        assertThat(c.lead().unit()).isEqualTo("连云港市农业农村局");
        assertThat(c.rationale()).anyMatch(l -> l.contains("跨县区"));
    }

    @Test
    void onlyTheCityNamedGoesToTheCityDepartment() {
        Classification c = C.classify("连云港出租车拒载现象多", "不少市民反映，连云港的出租车在晚高峰经常拒载、议价，打车难。");
        assertThat(c.level()).isEqualTo(Level.CITY);
        assertThat(c.lead()).isEqualTo(new Assignee("transport", "连云港市交通运输局"));
    }

    @Test
    void aCityDecisionNamingOneCountyStillGoesToTheCity() {
        Classification c = C.classify("市政府决定在灌南县建设垃圾焚烧厂", "连云港市人民政府近日印发方案，决定在灌南县建设全市生活垃圾焚烧发电厂，部分居民担心污染。");
        assertThat(c.level()).isEqualTo(Level.CITY);
        assertThat(c.rationale()).anyMatch(l -> l.contains("市级决策"));
    }

    @Test
    void aCityManagedEntityGoesToTheCityDepartmentWhereverItStands() {
        Classification c = C.classify("市东方医院急诊室医生态度恶劣", "连云区一位患者反映，在市东方医院急诊看病时医生态度恶劣，拖延治疗。");
        assertThat(c.level()).isEqualTo(Level.CITY);
        assertThat(c.territory()).isNull();
        assertThat(c.lead()).isEqualTo(new Assignee("health", "连云港市卫生健康委员会"));
        assertThat(c.rationale()).anyMatch(l -> l.contains("市属单位"));
    }

    @Test
    void severalDepartmentsGiveALeadAndCoResponders() {
        Classification c = C.classify("灌南县一化工企业火灾 浓烟污染空气", "灌南县三口镇一化工企业发生火灾，浓烟滚滚，周边居民闻到刺鼻异味，担心空气污染。");
        assertThat(c.lead().category()).isEqualTo("emergency-management");
        assertThat(c.co()).extracting(Assignee::category).contains("ecology-environment");
        assertThat(c.co()).extracting(Assignee::unit).contains("灌南县生态环境局");
        assertThat(c.rationale()).anyMatch(l -> l.startsWith("协同"));
    }

    @Test
    void noClearLeadFlagsTheGovernmentOfficeToNameOne() {
        Classification c = C.classify("海州区一饭店食物中毒 多名学生就医", "海州区一家饭店承办的学生聚餐后，多名学生出现呕吐腹泻，被送往医院治疗，医生诊断为食物中毒。");
        assertThat(c.flags()).contains(Flag.LEAD_UNCLEAR);
        assertThat(c.lead()).isNotNull();
        assertThat(c.rationale()).anyMatch(l -> l.contains("海州区人民政府办公室") && l.contains("指定牵头"));
    }

    @Test
    void gradeIOrIIAddsPropagandaAndCyberspaceToBeInformed() {
        Classification c = C.classify("东海县一矿山坍塌 11人遇难", "东海县平明镇一处矿山发生坍塌事故，已造成11人遇难，救援仍在进行。");
        assertThat(c.grade()).isEqualTo(Grade.II);
        assertThat(c.flags()).contains(Flag.MAJOR_IMPACT);
        assertThat(c.co()).contains(new Assignee("propaganda", "中共东海县委宣传部"),
                new Assignee("cyberspace", "中共东海县委网络安全和信息化委员会办公室"));
        Classification minor = C.classify("东海县一矿山坍塌 1人受伤", "东海县平明镇一处矿山发生坍塌，1人受伤。");
        assertThat(minor.grade()).isEqualTo(Grade.IV);
        assertThat(minor.co()).extracting(Assignee::category).doesNotContain("propaganda", "cyberspace");
    }

    @Test
    void outsideTheJurisdictionGetsNoAssignmentAndIsFlagged() {
        Classification c = C.classify("杭州一小区物业乱收费", "浙江杭州市某小区物业公司擅自上调物业费，业主强烈不满。");
        assertThat(c.level()).isEqualTo(Level.NONE);
        assertThat(c.lead()).isNull();
        assertThat(c.co()).isEmpty();
        assertThat(c.flags()).contains(Flag.OUTSIDE_JURISDICTION);
        assertThat(c.rationale().get(0)).contains("不属本辖区");
    }

    @Test
    void noPlaceAtAllGetsNoAssignmentAndIsFlagged() {
        Classification c = C.classify("一家饭店后厨脏乱", "网友拍到某饭店后厨老鼠乱窜。");
        assertThat(c.level()).isEqualTo(Level.NONE);
        assertThat(c.flags()).contains(Flag.NO_PLACE);
    }

    @Test
    void learnedAdjustmentsChangeTheLeadVisibly() {
        String title = "赣榆区一网吧接纳未成年人上网";
        String text = "赣榆区青口镇一家网吧多次接纳未成年学生通宵上网，家长多次反映。";
        assertThat(C.classify(title, text).lead().category()).isEqualTo("culture-tourism");
        ResponsibilityClassifier adjusted = C.withAdjustments(Map.of("public-security", Map.of("网吧", 8.0)));
        assertThat(adjusted.classify(title, text).lead().category()).isEqualTo("public-security");
        assertThat(adjusted.lexicon().adjustments()).containsKey("public-security");
        assertThat(C.lexicon().adjustments()).isEmpty();
    }

    @Test
    void confidenceIsLowerForAmbiguousPlaces() {
        Classification sure = C.classify("灌南县堆沟港镇码头一货船漏油", "灌南县堆沟港镇码头一艘货船漏油，海面出现大片油污。");
        Classification unsure = C.classify("灌河港区一货船漏油", "灌河港区一艘货船漏油，海面出现大片油污。");
        assertThat(unsure.flags()).contains(Flag.AMBIGUOUS_PLACE);
        assertThat(unsure.confidence()).isLessThan(sure.confidence());
        assertThat(sure.confidence()).isBetween(0.0, 1.0);
    }
}
