package cn.tingfeng.jurisdiction.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tingfeng.jurisdiction.Territory;
import cn.tingfeng.jurisdiction.TerritoryRepository;
import cn.tingfeng.jurisdiction.Unit;
import cn.tingfeng.jurisdiction.UnitRepository;
import cn.tingfeng.jurisdiction.data.JurisdictionLoader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@QuarkusTest
class JurisdictionSeederTest {
    @Inject
    JurisdictionSeeder seeder;
    @Inject
    UnitRepository units;
    @Inject
    TerritoryRepository territories;

    @Test
    void theDemoDepartmentUnitAndTheCityDepartmentsExist() {
        QuarkusTransaction.requiringNew().run(() -> {
            Unit demo = units.findByName("灌云县教育局").orElseThrow();
            assertThat(demo.category).isEqualTo("education");
            assertThat(demo.level).isEqualTo("county");
            assertThat(demo.active).isTrue();
            assertThat(demo.territory.name).isEqualTo("灌云县");
            assertThat(demo.territory.parent.name).isEqualTo("连云港市");
            assertThat(units.findByName("连云港市教育局").orElseThrow().territory.level).isEqualTo(Territory.CITY);
            assertThat(units.findByName("中共连云港市委网络安全和信息化委员会办公室")).isPresent();
            assertThat(units.findByName("连云港高新技术产业开发区管委会教育部门")).isPresent();
            assertThat(units.findByName("南通市教育局")).as("second jurisdiction from the external directory").isPresent();
            Territory city = territories.findByCode("3207").orElseThrow();
            long categories = units.count("territory", city);
            assertThat(categories).isGreaterThanOrEqualTo(30);
            for (Territory county : territories.list("parent = ?1 and level = ?2", city, Territory.COUNTY))
                assertThat(units.count("territory", county)).as(county.name).isGreaterThanOrEqualTo(categories - 1);
        });
    }

    @Test
    void townshipsHangUnderTheCountyLevelUnitThatAdministersThem() {
        QuarkusTransaction.requiringNew().run(() -> {
            Territory yishan = territories.find("name", "伊山镇").firstResult();
            assertThat(yishan.level).isEqualTo(Territory.TOWNSHIP);
            assertThat(yishan.kind).isEqualTo("town");
            assertThat(yishan.parent.name).isEqualTo("灌云县");
            assertThat(territories.findByCode("320706020").orElseThrow().parent.name).isEqualTo("连云港高新技术产业开发区");
            assertThat(territories.findByCode("3207Z2").orElseThrow().kind).isEqualTo("zone");
        });
    }

    @Test
    void aRestartChangesNothing() {
        long before = units.count();
        long territoriesBefore = territories.count();
        JurisdictionSeeder.ReloadResult again = seeder.reload();
        assertThat(again.seed().changedNothing()).as(again.seed().toString()).isTrue();
        assertThat(again.errors()).isEmpty();
        assertThat(units.count()).isEqualTo(before);
        assertThat(territories.count()).isEqualTo(territoriesBefore);
    }

    @Test
    void anEditedFileRenamesInPlaceAndDeactivatesInsteadOfDeleting(@TempDir Path dir) throws Exception {
        String file = """
                code: "9901"
                name: 测试甲市
                units: {countyTemplate: "{territory}{dept}"}
                territories:
                  - {code: "990101", name: 测试甲区, type: district, townships: [{code: "990101001", name: 甲一街道}]}
                  - {code: "990102", name: 测试乙县, type: county}
                """;
        Files.writeString(dir.resolve("jia.yaml"), file);
        SeedReport first = seeder.seed(JurisdictionLoader.loadTolerant(List.of(JurisdictionLoader.SHIPPED), dir).data());
        assertThat(first.warnings()).isEmpty();
        Long eduId = units.findByName("测试乙县教育局").orElseThrow().id;
        Long jiaEdu = units.findByName("测试甲区教育局").orElseThrow().id;

        Files.writeString(dir.resolve("jia.yaml"), file.replace("{territory}{dept}", "{territory}人民政府{dept}")
                .replace("  - {code: \"990101\", name: 测试甲区, type: district, townships: [{code: \"990101001\", name: 甲一街道}]}\n", ""));
        SeedReport second = seeder.seed(JurisdictionLoader.loadTolerant(List.of(JurisdictionLoader.SHIPPED), dir).data());
        assertThat(second.unitsCreated()).isZero();
        assertThat(second.unitsUpdated()).isGreaterThan(0);
        assertThat(second.unitsDeactivated()).isGreaterThan(0);
        QuarkusTransaction.requiringNew().run(() -> {
            Unit renamed = units.findById(eduId);
            assertThat(renamed.name).isEqualTo("测试乙县人民政府教育局");
            assertThat(renamed.active).isTrue();
            Unit gone = units.findById(jiaEdu);
            assertThat(gone).as("kept for the assignments that reference it").isNotNull();
            assertThat(gone.active).isFalse();
            assertThat(units.findByName("连云港市教育局").orElseThrow().active).as("other jurisdictions untouched").isTrue();
        });
        SeedReport third = seeder.seed(JurisdictionLoader.loadTolerant(List.of(JurisdictionLoader.SHIPPED), dir).data());
        assertThat(third.changedNothing()).isTrue();
    }

    @Test
    void anInvalidExternalFileIsNamedWithItsFieldAndTheShippedJurisdictionStillLoads(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("broken.yaml"), "code: \"9902\"\nname: 错误市\nterritorys: []\n");
        Files.copy(Path.of("src/test/resources/jurisdictions-extra/nantong.yaml"), dir.resolve("nantong.yaml"));
        JurisdictionLoader.LoadResult r = JurisdictionLoader.loadTolerant(List.of(JurisdictionLoader.SHIPPED), dir);
        assertThat(r.errors()).singleElement().asString().contains("broken.yaml").contains("territorys");
        assertThat(r.data().jurisdictions()).extracting(j -> j.name()).containsExactly("连云港市", "南通市");
        JurisdictionLoader.LoadResult missing = JurisdictionLoader.loadTolerant(List.of(JurisdictionLoader.SHIPPED), dir.resolve("nope"));
        assertThat(missing.errors()).singleElement().asString().contains("nope");
        assertThat(missing.data().jurisdictions()).hasSize(1);
    }
}
