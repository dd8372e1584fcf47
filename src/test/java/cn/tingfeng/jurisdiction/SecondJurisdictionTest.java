package cn.tingfeng.jurisdiction;

import cn.tingfeng.jurisdiction.data.JurisdictionLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A second jurisdiction (南通市, built from ../shared/data/divisions) is added by a file, no code. */
class SecondJurisdictionTest {

    static final ResponsibilityClassifier BOTH = ResponsibilityClassifier.create(
            JurisdictionLoader.load(List.of(JurisdictionLoader.SHIPPED), dirOf("/jurisdictions-extra")));

    static Path dirOf(String resource) {
        try {
            return Path.of(SecondJurisdictionTest.class.getResource(resource).toURI());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void classifiesANantongPostWithNantongUnits() {
        Classification c = BOTH.classify("如皋市一小学食堂饭菜变质", "南通如皋市城南街道一所小学的家长反映，学校食堂给孩子吃变质的饭菜，多名学生腹痛。");
        assertThat(c.level()).isEqualTo(Level.COUNTY);
        assertThat(c.territory()).isEqualTo("如皋市");
        assertThat(c.lead().unit()).startsWith("如皋市");
        assertThat(List.of("education", "market-regulation")).contains(c.lead().category());
    }

    @Test
    void aNantongTownshipAloneResolvesToItsCounty() {
        Classification c = BOTH.classify("掘港街道一小区物业费上涨", "掘港街道某小区物业公司突然上调物业费，业主不满。");
        assertThat(c.territory()).isEqualTo("如东县");
        assertThat(c.lead()).isEqualTo(new Assignee("housing-construction", "如东县住房和城乡建设局"));
    }

    @Test
    void severalNantongCountiesGoToTheNantongCityDepartment() {
        Classification c = BOTH.classify("启东海门多地河道污染", "启东市、海门区多条河道出现大面积污染，河水发黑发臭。");
        assertThat(c.level()).isEqualTo(Level.CITY);
        assertThat(c.lead()).isEqualTo(new Assignee("ecology-environment", "南通市生态环境局"));
    }

    @Test
    void nantongIsOutsideWhenOnlyTheShippedJurisdictionIsLoaded() {
        Classification c = DevFixtureAccuracyTest.CLASSIFIER.classify("南通一小区停电", "南通市崇川区一小区大面积停电。");
        assertThat(c.level()).isEqualTo(Level.NONE);
        assertThat(c.flags()).contains(Flag.OUTSIDE_JURISDICTION);
        assertThat(BOTH.classify("南通一小区停电", "南通市崇川区一小区大面积停电。").territory()).isEqualTo("崇川区");
    }

    @Test
    void lianyungangPostsAreUnchangedWithASecondJurisdictionLoaded() {
        Classification c = BOTH.classify("灌云县同兴镇一化工企业储罐起火", "连云港灌云县同兴镇一化工企业储罐区突发火灾。");
        assertThat(c.territory()).isEqualTo("灌云县");
        assertThat(c.lead().unit()).isEqualTo("灌云县应急管理局");
    }

    @Test
    void aBrokenFileFailsWithAChineseMessageNamingTheProblem(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("bad.yaml"), "code: \"9999\"\nname: 测试市\nterritories:\n  - {code: \"999901\", name: 甲区, type: town}\n");
        assertThatThrownBy(() -> JurisdictionLoader.load(List.of(JurisdictionLoader.SHIPPED), dir))
                .hasMessageContaining("未知 type");
        Files.writeString(dir.resolve("bad.yaml"), "code: \"9999\"\nname: 测试市\nterritorys: []\n");
        assertThatThrownBy(() -> JurisdictionLoader.load(List.of(JurisdictionLoader.SHIPPED), dir))
                .hasMessageContaining("属地文件格式错误");
        Files.writeString(dir.resolve("bad.yaml"), "code: \"9999\"\nname: 测试市\nunits: {city: {educaton: 测试市教育局}}\n"
                + "territories:\n  - {code: \"999901\", name: 甲区, type: district}\n");
        assertThatThrownBy(() -> JurisdictionLoader.load(List.of(JurisdictionLoader.SHIPPED), dir))
                .hasMessageContaining("未知部门类别");
    }
}
