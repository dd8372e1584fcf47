package cn.tingfeng.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceCatalogTest {

    @Test
    void shippedDefinitionsAreAllValid() {
        SourceCatalog c = SourceCatalog.load(Path.of("crawlers"));
        assertThat(c.errors()).isEmpty();
        assertThat(c.sources()).hasSizeGreaterThanOrEqualTo(15);
        assertThat(c.all()).extracting(SourceDefinition::type).contains(SourceType.values());
        assertThat(c.get("lyg-gov-yaowen")).get().extracting(d -> d.url().getHost()).isEqualTo("www.lyg.gov.cn");
    }

    @Test
    void invalidFileIsReportedWithFileFieldAndReasonWhileOthersLoad(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("good.yaml"), """
                id: good
                name: 好的来源
                type: rss
                url: https://example.org/feed.xml
                schedule: 15m
                """);
        Files.writeString(dir.resolve("bad.yaml"), """
                id: Bad_Id
                name: 坏的来源
                type: html
                url: ftp://example.org/
                schedule: every day
                politeness:
                  ignoreRobots: true
                html:
                  item: "ul >> li["
                """);
        Files.writeString(dir.resolve("broken.yaml"), "id: [unclosed\n");
        SourceCatalog c = SourceCatalog.load(dir);
        assertThat(c.sources()).containsOnlyKeys("good");
        assertThat(c.errors()).extracting(SourceError::field)
                .contains("id", "url", "schedule", "politeness.reason", "html.item", "(文件)");
        assertThat(c.errors()).allSatisfy(e -> assertThat(e.file()).isIn("bad.yaml", "broken.yaml"));
        assertThat(c.errors()).filteredOn(e -> e.field().equals("politeness.reason"))
                .extracting(SourceError::reason).allMatch(r -> r.contains("理由"));
    }

    @Test
    void readsIntervalCronKeywordScopeAndPoliteness() {
        SourceReader.Result r = SourceReader.read("a.yaml", """
                id: a-source
                name: 测试
                type: json
                url: http://127.0.0.1:8080/api
                schedule: "0 0/15 * * * ?"
                keywords: [城建方案, 教育方案]
                politeness: {delay: 3s, ignoreRobots: true, reason: 数据服务商接口，按合同访问}
                allowPrivateNetwork: true
                json:
                  items: "$.data[*]"
                  fields: {url: /link, title: /title}
                  paging: {pageParam: page, start: 1, maxPages: 3}
                  authHeader: Authorization
                  authEnv: API_TOKEN
                """);
        assertThat(r.errors()).isEmpty();
        SourceDefinition d = r.definition();
        assertThat(d.schedule().cron()).isEqualTo("0 0/15 * * * ?");
        assertThat(d.keywords().covers("教育方案")).isTrue();
        assertThat(d.keywords().covers("其他")).isFalse();
        assertThat(d.politeness().delay()).isEqualTo(Duration.ofSeconds(3));
        assertThat(d.politeness().robotsOverrideReason()).contains("合同");
        assertThat(d.allowPrivateNetwork()).isTrue();
        assertThat(d.json().paging().pageParam()).isEqualTo("page");
    }

    @Test
    void credentialsMayOnlyComeFromAnEnvironmentVariableName() {
        SourceReader.Result r = SourceReader.read("j.yaml", """
                id: j-api
                name: j
                type: json
                url: https://example.org/api
                schedule: 1h
                json:
                  items: /data
                  fields: {url: /u, body: /b}
                  authHeader: Authorization
                  authEnv: "Bearer abc123secret"
                """);
        assertThat(r.errors()).extracting(SourceError::field).containsExactly("json.authEnv");
    }

    @Test
    void duplicateIdsAreRejected(@TempDir Path dir) throws IOException {
        String yaml = "id: same\nname: x\ntype: rss\nurl: https://example.org/f.xml\nschedule: 1h\n";
        Files.writeString(dir.resolve("a.yaml"), yaml);
        Files.writeString(dir.resolve("b.yaml"), yaml);
        SourceCatalog c = SourceCatalog.load(dir);
        assertThat(c.sources()).hasSize(1);
        assertThat(c.errors()).singleElement().satisfies(e -> {
            assertThat(e.file()).isEqualTo("b.yaml");
            assertThat(e.field()).isEqualTo("id");
        });
    }

    static String rss(String id, String url) {
        return """
                id: %s
                name: 测试 %s
                type: rss
                url: %s
                schedule: 15m
                """.formatted(id, id, url);
    }

    @Test
    void aNewcomerWithAnIdAlreadyOwnedIsRejectedOnItsOwnFileWhateverTheOrder(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("zz-original.yaml"), rss("shared-id", "https://example.org/original.xml"));
        Files.writeString(dir.resolve("aa-newcomer.yaml"), rss("shared-id", "https://example.org/newcomer.xml"));
        SourceCatalog c = SourceCatalog.load(dir, java.util.Map.of("shared-id", "zz-original.yaml"));
        assertThat(c.get("shared-id")).get().satisfies(d -> {
            assertThat(d.file().getFileName().toString()).isEqualTo("zz-original.yaml");
            assertThat(d.url().toString()).endsWith("/original.xml");
        });
        assertThat(c.errors()).singleElement().satisfies(e -> {
            assertThat(e.file()).isEqualTo("aa-newcomer.yaml");
            assertThat(e.field()).isEqualTo("id");
            assertThat(e.reason()).contains("zz-original.yaml");
        });
    }

    @Test
    void anIdPassesToAnotherFileOnlyWhenItsOwnersFileIsGone(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("renamed.yaml"), rss("moved", "https://example.org/feed.xml"));
        SourceCatalog c = SourceCatalog.load(dir, java.util.Map.of("moved", "old-name.yaml"));
        assertThat(c.errors()).isEmpty();
        assertThat(c.get("moved")).get().extracting(d -> d.file().getFileName().toString()).isEqualTo("renamed.yaml");
    }

    @Test
    void aMissingFolderSaysWhereItLookedAndHowToPointElsewhere(@TempDir Path dir) {
        SourceCatalog c = SourceCatalog.load(dir.resolve("crawlers"), java.util.Map.of());
        assertThat(c.all()).isEmpty();
        assertThat(c.errors()).singleElement().satisfies(e -> assertThat(e.toString())
                .contains(dir.resolve("crawlers").toAbsolutePath().toString()).contains("当前工作目录").contains("TINGFENG_CRAWLERS_DIR"));
    }
}
