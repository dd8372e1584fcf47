package cn.tingfeng.jurisdiction;

import cn.tingfeng.jurisdiction.data.JurisdictionLoader;
import cn.tingfeng.jurisdiction.place.Gazetteer;
import cn.tingfeng.jurisdiction.place.Mention;
import cn.tingfeng.jurisdiction.place.PlaceAnalysis;
import cn.tingfeng.jurisdiction.place.PlaceKind;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GazetteerTest {

    static final Gazetteer LYG = ResponsibilityClassifier.shipped().gazetteer();

    static Path dir(String resource) throws URISyntaxException {
        return Path.of(GazetteerTest.class.getResource(resource).toURI());
    }

    static List<String> territories(PlaceAnalysis a) {
        return a.territories().stream().map(CountyLevelUnit::name).toList();
    }

    @Test
    void shipsEveryCountyLevelUnitAndEveryTownshipOfTheDivisionsData() {
        Jurisdiction j = LYG.jurisdictions().get(0);
        assertThat(j.territories()).extracting(CountyLevelUnit::name).containsExactlyInAnyOrder(
                "海州区", "连云区", "赣榆区", "东海县", "灌云县", "灌南县",
                "连云港经济技术开发区", "连云港高新技术产业开发区", "徐圩新区", "云台山风景名胜区");
        assertThat(j.territoryByName("徐圩新区").syntheticCode()).isTrue();
        assertThat(j.territoryByName("灌云县").code()).isEqualTo("320723");
        long townships = j.file().territories().stream().mapToLong(t -> Jurisdiction.listOf(t.townships()).size()).sum();
        assertThat(townships).isGreaterThanOrEqualTo(108);
        assertThat(LYG.size()).isGreaterThan(700);
    }

    @Test
    void resolvesTownshipsLandmarksAndAliasesToTheirCountyLevelUnit() {
        assertThat(territories(LYG.analyze("同兴镇一化工企业起火"))).containsExactly("灌云县");
        assertThat(territories(LYG.analyze("墟沟一家饭店"))).containsExactly("连云区");
        assertThat(territories(LYG.analyze("田湾核电站附近海域"))).containsExactly("连云区");
        assertThat(territories(LYG.analyze("游客在花果山被宰"))).containsExactly("云台山风景名胜区");
        assertThat(territories(LYG.analyze("开山岛守岛人"))).containsExactly("灌云县");
        assertThat(territories(LYG.analyze("秦山岛海域"))).containsExactly("赣榆区");
        assertThat(territories(LYG.analyze("连云港石化产业基地一企业"))).containsExactly("徐圩新区");
        assertThat(territories(LYG.analyze("徐圩港区码头"))).containsExactly("徐圩新区");
        assertThat(territories(LYG.analyze("赣榆港区一货轮"))).containsExactly("赣榆区");
        assertThat(territories(LYG.analyze("猴嘴一小区"))).containsExactly("连云港经济技术开发区");
    }

    @Test
    void formerNamesResolveToTheSuccessorAndSayWhy() {
        PlaceAnalysis a = LYG.analyze("原新浦区一老旧小区");
        assertThat(territories(a)).containsExactly("海州区");
        assertThat(a.mentions().get(0).ref().note()).contains("曾用名");
        assertThat(territories(LYG.analyze("赣榆县城头镇"))).containsExactly("赣榆区");
    }

    @Test
    void zoneAdministeredStreetsGoToTheZone() {
        assertThat(territories(LYG.analyze("徐圩街道一村"))).containsExactly("徐圩新区");
        assertThat(territories(LYG.analyze("郁州街道某小区"))).containsExactly("连云港高新技术产业开发区");
    }

    @Test
    void longestMatchWinsOverContainedNames() {
        // 花果山街道 (a street) is not 花果山 (the scenic area); 海上云台山 is not 云台山; 连云港港口集团 is a city entity
        assertThat(territories(LYG.analyze("花果山街道大村社区"))).containsExactly("连云港高新技术产业开发区");
        assertThat(territories(LYG.analyze("海上云台山景区"))).containsExactly("连云区");
        PlaceAnalysis port = LYG.analyze("连云港港口集团下属公司");
        assertThat(port.cityEntities()).hasSize(1);
        assertThat(port.territories()).isEmpty();
        assertThat(territories(LYG.analyze("花果山国际机场航班延误"))).containsExactly("灌云县");
    }

    @Test
    void neutralNamesAndSingleCharactersAreNotPlaces() {
        assertThat(LYG.analyze("花果山大道上两车相撞").territories()).isEmpty();
        assertThat(LYG.analyze("今天天气很好，大家都去海边玩").ours()).isFalse();
        // common words that happen to be town short names are not in the gazetteer
        assertThat(LYG.analyze("下车时摔倒，石榴很甜，温泉很舒服").territories()).isEmpty();
    }

    @Test
    void weakAliasAloneCountsButNotAgainstAnotherCity() {
        assertThat(territories(LYG.analyze("东海一家水晶店"))).containsExactly("东海县");
        PlaceAnalysis a = LYG.analyze("浙江舟山东海海域渔船");
        assertThat(a.ours()).isFalse();
        assertThat(LYG.analyze("宁波的高新区一企业").ours()).isFalse();
    }

    @Test
    void otherProvincesAndCitiesWithoutOursAreOutside() {
        PlaceAnalysis a = LYG.analyze("南京市某小区电梯故障");
        assertThat(a.ours()).isFalse();
        assertThat(a.outside()).extracting(Mention::surface).contains("南京市");
        assertThat(LYG.analyze("山东临沂一养殖场").ours()).isFalse();
        assertThat(LYG.analyze("新疆喀什地区").ours()).isFalse();
        assertThat(LYG.analyze("宿迁沭阳一学校").ours()).isFalse();
        // ours named too: ours wins
        assertThat(LYG.analyze("南京游客在连岛溺水").ours()).isTrue();
    }

    @Test
    void aSharedPlaceIsSettledByACoMentionedCountyOrLowersConfidence() {
        PlaceAnalysis alone = LYG.analyze("灌河港区一货船搁浅");
        assertThat(alone.ambiguous()).isTrue();
        assertThat(territories(alone)).containsExactlyInAnyOrder("灌云县", "灌南县");
        assertThat(alone.confidence()).isLessThan(0.7);
        PlaceAnalysis settled = LYG.analyze("灌南县堆沟港镇灌河港区一货船搁浅");
        assertThat(settled.ambiguous()).isFalse();
        assertThat(territories(settled)).containsExactly("灌南县");
    }

    @Test
    void aTownshipNameSharedWithAnotherJurisdictionIsResolvedByContext() throws Exception {
        Gazetteer both = ResponsibilityClassifier.create(
                JurisdictionLoader.load(List.of(JurisdictionLoader.SHIPPED), dir("/jurisdictions-jiujiang"))).gazetteer();
        PlaceAnalysis jiujiang = both.analyze("九江庐山市温泉镇一酒店");
        assertThat(jiujiang.jurisdiction().name()).isEqualTo("九江市");
        assertThat(territories(jiujiang)).containsExactly("庐山市");
        PlaceAnalysis lyg = both.analyze("连云港温泉镇一酒店");
        assertThat(lyg.jurisdiction().name()).isEqualTo("连云港市");
        assertThat(territories(lyg)).containsExactly("东海县");
        PlaceAnalysis bare = both.analyze("温泉镇一酒店");
        assertThat(bare.ambiguous()).isTrue();
        assertThat(bare.confidence()).isLessThan(0.7);
        // and 九江 is no longer "outside" once loaded
        assertThat(both.analyze("九江一小区").mentions()).allMatch(m -> m.ref().kind() != PlaceKind.OUTSIDE);
    }
}
