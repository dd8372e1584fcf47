package cn.tingfeng.jurisdiction;

import cn.tingfeng.jurisdiction.place.PlaceAlias;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The duty model on citizens' wording, the 待核实 fallback and the places residents use (plain JUnit). */
class CitizenWordingTest {

    static final ResponsibilityClassifier C = DevFixtureAccuracyTest.CLASSIFIER;

    @Test
    void aMessageNamingNoPlaceStillGetsTheCityDepartmentWithTheTerritoryToBeConfirmed() {
        Classification c = C.classify("小区门口的路灯坏了很久", "我家小区门口那条路上的路灯已经坏了两个多月了，一到晚上黑漆漆的。希望尽快安排维修。");
        assertThat(c.level()).isEqualTo(Level.NONE);
        assertThat(c.territory()).isNull();
        assertThat(c.lead()).isEqualTo(new Assignee("urban-management", "连云港市城市管理局"));
        assertThat(c.flags()).contains(Flag.NO_PLACE, Flag.TERRITORY_UNCONFIRMED);
        assertThat(c.rationale().get(0)).contains("属地待核实");
    }

    @Test
    void theOwnProvinceOrAnotherCityInTheBodyOnlyStillGetsADutyButAnotherCityInTheTitleDoesNot() {
        Classification province = C.classify("建议我省提高城乡居民基础养老金", "江苏省农村老人每个月的养老金只有一两百块，建议提高基础养老金标准。");
        assertThat(province.lead()).isEqualTo(new Assignee("human-resources", "连云港市人力资源和社会保障局"));
        assertThat(province.flags()).contains(Flag.OUTSIDE_JURISDICTION, Flag.TERRITORY_UNCONFIRMED);

        Classification background = C.classify("辞职后公司不给开离职证明", "我以前在苏州打工，现在回来在一家公司上班，辞职以后公司不给开离职证明，请劳动部门帮忙。");
        assertThat(background.lead().category()).isEqualTo("human-resources");
        assertThat(background.flags()).contains(Flag.OUTSIDE_JURISDICTION, Flag.TERRITORY_UNCONFIRMED);

        Classification elsewhere = C.classify("苏州一公司不给开离职证明", "苏州工业园区一家公司辞职以后不给开离职证明。");
        assertThat(elsewhere.lead()).isNull();
        assertThat(elsewhere.flags()).containsExactly(Flag.OUTSIDE_JURISDICTION);
        assertThat(elsewhere.duties()).isNotEmpty();
        assertThat(elsewhere.duties().get(0).category()).isEqualTo("human-resources");
    }

    @Test
    void coOccurrencesDecideWhatSingleWordsCannot() {
        // 小区 + 物业 → housing, not the electricity or water words of the background
        Classification property = C.classify("物业擅自涨物业费", "我们小区物业上个月突然贴出通知，物业费涨价，没开业主大会。请相关部门监督。");
        assertThat(property.lead().category()).isEqualTo("housing-construction");
        assertThat(property.duties().get(0).triggers()).anyMatch(t -> t.contains("+"));
        // 施工 + 噪音 + 夜间 → urban management (construction noise), not housing
        Classification noise = C.classify("晚上工地施工噪音吵得睡不着", "对面工地每天晚上十一二点还在打桩，孩子睡不好。希望来查一下有没有夜间施工许可。");
        assertThat(noise.lead().category()).isEqualTo("urban-management");
        // 工厂 + 噪声 → ecology
        Classification factory = C.classify("半夜工厂机器轰鸣", "小区对面的工厂天天晚上开工，机器声音很大。希望环保部门来测一下。");
        assertThat(factory.lead().category()).isEqualTo("ecology-environment");
        // 工地 + 欠工资 → human resources, not housing
        Classification wages = C.classify("在工地干了一年，包工头不给工钱", "我在一个小区工地干木工，包工头一直拖欠工资，现在人找不到了。");
        assertThat(wages.lead().category()).isEqualTo("human-resources");
    }

    @Test
    void theRequestWeighsAboveTheBackground() {
        // background: the child goes to school on that road; request: the road must be repaired
        Classification c = C.classify("村道的问题", "孩子每天上学要走这条路，学生们都很辛苦。这条村道坑洼不平，希望交通部门尽快维修。");
        assertThat(c.lead().category()).isEqualTo("transport");
    }

    @Test
    void aDepartmentTheWriterSaysDeclinedIsNoEvidenceForIt() {
        Classification c = C.classify("诊所给孩子输液出了问题", "孩子在村里诊所输液后全身起疹子。我们找了派出所，派出所说不归他们管。希望有关部门查处这个诊所。");
        assertThat(c.lead().category()).isEqualTo("health");
        assertThat(c.duties()).noneMatch(d -> d.triggers().contains("派出所"));
    }

    @Test
    void traditionalCharactersAreReadLikeSimplifiedOnes() {
        Classification c = C.classify("醫院亂收費", "我在醫院住院一個星期，出院時費用清單上有很多項目我根本沒做過。");
        assertThat(c.lead().category()).isEqualTo("health");
    }

    @Test
    void placesResidentsUseResolveToTheirCounty() {
        assertThat(C.classify("东海高中门口路灯不亮", "东海高中门口路灯不亮，晚上学生回家很危险。").territory()).isEqualTo("东海县");
        assertThat(C.classify("晶都大道积水", "晶都大道一下雨就积水。").territory()).isEqualTo("东海县");
        // a weak road name counts with our context only
        assertThat(C.classify("海棠北路井盖缺失", "连云港海棠北路一个井盖不见了。").territory()).isEqualTo("连云区");
        assertThat(C.classify("解放路井盖缺失", "南京解放路一个井盖不见了。").territory()).isNull();
    }

    @Test
    void anApprovedPlaceAliasResolvesAnEstateTheDataFilesDoNotKnow() {
        String title = "幸福家园小区物业不作为", text = "我们幸福家园小区的物业不修路灯。";
        assertThat(C.classify(title, text).flags()).contains(Flag.TERRITORY_UNCONFIRMED);
        ResponsibilityClassifier taught = C.withPlaceAliases(List.of(new PlaceAlias("幸福家园", "3207", "灌南县")));
        Classification c = taught.classify(title, text);
        assertThat(c.territory()).isEqualTo("灌南县");
        assertThat(c.lead()).isEqualTo(new Assignee("housing-construction", "灌南县住房和城乡建设局"));
        // an alias never overrides a name of the data files
        assertThat(C.withPlaceAliases(List.of(new PlaceAlias("灌云", "3207", "灌南县"))).classify("灌云一小区物业", "灌云一小区物业不作为。").territory())
                .isEqualTo("灌云县");
    }
}
