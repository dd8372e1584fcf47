package cn.tingfeng.crawl;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tingfeng.crawl.testing.CrawlersFolder;
import cn.tingfeng.crawl.testing.LocalServer;
import cn.tingfeng.testsupport.TestAccounts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.JobKey;
import org.quartz.Scheduler;

/** The crawlers/ folder is reloaded without restart; a bad file is reported and never stops the other sources. */
@QuarkusTest
class SourceReloadTest {
    @Inject
    SourceFolderWatcher watcher;
    @Inject
    SourceRegistry registry;
    @Inject
    SourceJobs jobs;
    @Inject
    Scheduler quartz;
    @Inject
    CrawlService crawls;

    LocalServer server;
    CrawlersFolder folder = new CrawlersFolder();

    @BeforeEach
    void start() throws Exception {
        server = new LocalServer();
        server.on("/feed.xml", ex -> LocalServer.send(ex, 200, "application/rss+xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>t</title></channel></rss>",
                StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        server.close();
        folder.close();
        registry.reload();
    }

    static RequestSpecification admin() {
        return given().auth().preemptive().basic("t-admin", TestAccounts.PASSWORD);
    }

    String rss(String id, String schedule) {
        return """
                id: %s
                name: 测试订阅 %s
                type: rss
                url: %s
                schedule: "%s"
                allowPrivateNetwork: true
                """.formatted(id, id, server.uri("/feed.xml"), schedule);
    }

    Map<String, Object> source(JsonPath list, String key) {
        List<Map<String, Object>> all = list.getList("sources");
        return all.stream().filter(s -> key.equals(s.get("key"))).findFirst().orElse(null);
    }

    @Test
    void newChangedAndInvalidFilesArePickedUpWithoutRestartWhileTheOthersKeepRunning() {
        String a = CrawlersFolder.uniqueId("reload-a");
        String b = CrawlersFolder.uniqueId("reload-b");
        String bad = CrawlersFolder.uniqueId("reload-bad");
        folder.write(a + ".yaml", rss(a, "15m"));
        folder.write(b + ".yaml", rss(b, "30m"));
        assertThat(watcher.check()).as("the watcher sees the new files").isTrue();
        assertThat(watcher.check()).as("nothing changed since").isFalse();

        JsonPath list = admin().get("/api/admin/sources").then().statusCode(200).extract().jsonPath();
        assertThat(source(list, a)).containsEntry("state", "valid").containsEntry("schedule", "15m")
                .containsEntry("file", a + ".yaml");

        // a new invalid file: reported by the admin reload, naming file, field and reason
        folder.write(bad + ".yaml", """
                id: %s
                name: 坏的来源
                type: html
                url: ftp://example.org/
                schedule: every day
                html: {item: "ul >> li["}
                """.formatted(bad));
        JsonPath reload = admin().post("/api/admin/sources/reload").then().statusCode(200).extract().jsonPath();
        assertThat(reload.getList("errors.file", String.class)).contains(bad + ".yaml");
        list = admin().get("/api/admin/sources").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> invalid = list.getList("invalidFiles");
        Map<String, Object> badFile = invalid.stream().filter(f -> f.get("file").equals(bad + ".yaml")).findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        List<Map<String, String>> errors = (List<Map<String, String>>) badFile.get("errors");
        assertThat(errors).extracting(e -> e.get("field")).contains("url", "schedule", "html.item");
        assertThat(errors).allSatisfy(e -> assertThat(e.get("reason")).isNotBlank());

        // a valid file turned invalid: its source is flagged and not run; the other one still runs
        folder.write(a + ".yaml", rss(a, "every now and then"));
        assertThat(watcher.check()).isTrue();
        list = admin().get("/api/admin/sources").then().statusCode(200).extract().jsonPath();
        assertThat(source(list, a)).containsEntry("state", "invalid");
        @SuppressWarnings("unchecked")
        List<Map<String, String>> aErrors = (List<Map<String, String>>) source(list, a).get("errors");
        assertThat(aErrors).singleElement().satisfies(e -> {
            assertThat(e.get("file")).isEqualTo(a + ".yaml");
            assertThat(e.get("field")).isEqualTo("schedule");
        });
        assertThat(registry.definition(a)).isEmpty();
        admin().post("/api/admin/sources/" + a + "/run").then().statusCode(404);
        admin().post("/api/admin/sources/" + b + "/run").then().statusCode(200).body("failed", org.hamcrest.Matchers.is(false));

        // fixed again, then removed
        folder.write(a + ".yaml", rss(a, "20m"));
        assertThat(watcher.check()).isTrue();
        list = admin().get("/api/admin/sources").then().statusCode(200).extract().jsonPath();
        assertThat(source(list, a)).containsEntry("state", "valid").containsEntry("schedule", "20m");
        assertThat((List<?>) source(list, a).get("errors")).isEmpty();
        folder.delete(a + ".yaml");
        assertThat(watcher.check()).isTrue();
        list = admin().get("/api/admin/sources").then().statusCode(200).extract().jsonPath();
        assertThat(source(list, a)).containsEntry("state", "missing");
        assertThat(source(list, b)).containsEntry("state", "valid");
    }

    @Test
    void eachEnabledSourceGetsOneNonConcurrentQuartzJobThatFollowsItsSchedule() throws Exception {
        String a = CrawlersFolder.uniqueId("jobs-a");
        String off = CrawlersFolder.uniqueId("jobs-off");
        folder.write(a + ".yaml", rss(a, "0 0 3 * * ?"));
        folder.write(off + ".yaml", rss(off, "15m") + "enabled: false\n");
        registry.reload();
        try {
            assertThat(jobs.sync(registry.definitions())).contains(a).doesNotContain(off);
            var detail = quartz.getJobDetail(JobKey.jobKey(a, SourceJobs.GROUP));
            assertThat(detail.isConcurrentExecutionDisallowed()).isTrue();
            assertThat(detail.getJobDataMap().getWrappedMap()).containsOnlyKeys(SourceJob.SOURCE);
            assertThat(jobs.nextRun(a)).get().extracting(d -> d.toInstant().atZone(java.time.ZoneId.of("Asia/Shanghai")).getHour())
                    .isEqualTo(3);

            folder.write(a + ".yaml", rss(a, "10m"));
            registry.reload();
            jobs.sync(registry.definitions());
            assertThat(quartz.getTrigger(org.quartz.TriggerKey.triggerKey(a, SourceJobs.GROUP)))
                    .isInstanceOf(org.quartz.SimpleTrigger.class)
                    .extracting(t -> ((org.quartz.SimpleTrigger) t).getRepeatInterval()).isEqualTo(600_000L);

            // the job runs the source through CDI
            JsonPath before = admin().get("/api/admin/sources/" + a).then().statusCode(200).extract().jsonPath();
            long runsBefore = before.get("health") == null ? 0 : before.getLong("health.runs");
            quartz.triggerJob(JobKey.jobKey(a, SourceJobs.GROUP));
            Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
            long runs = runsBefore;
            while (runs == runsBefore && Instant.now().isBefore(deadline)) {
                Thread.onSpinWait();
                JsonPath now = admin().get("/api/admin/sources/" + a).then().statusCode(200).extract().jsonPath();
                runs = now.get("health") == null ? 0 : now.getLong("health.runs");
            }
            assertThat(runs).isEqualTo(runsBefore + 1);
        } finally {
            folder.close();
            registry.reload();
            jobs.sync(List.of());
        }
        assertThat(jobs.scheduled()).doesNotContain(a);
    }

    @Test
    void aSecondFileWithAnExistingIdIsRejectedAndTheRunningSourceKeptUntouched() {
        String id = CrawlersFolder.uniqueId("dup");
        folder.write("zz-" + id + ".yaml", rss(id, "15m"));
        registry.reload();
        assertThat(registry.definition(id)).get().extracting(d -> d.file().getFileName().toString()).isEqualTo("zz-" + id + ".yaml");

        // the newcomer sorts first by name and points elsewhere with another schedule
        folder.write("aa-" + id + ".yaml", rss(id, "5m").replace(server.uri("/feed.xml").toString(), "http://127.0.0.1:9/evil.xml"));
        JsonPath reload = admin().post("/api/admin/sources/reload").then().statusCode(200).extract().jsonPath();
        List<Map<String, String>> errors = reload.getList("errors");
        assertThat(errors).filteredOn(e -> e.get("file").startsWith("aa-" + id)).singleElement()
                .satisfies(e -> assertThat(e.get("field")).isEqualTo("id"));
        assertThat(errors).noneMatch(e -> e.get("file").equals("zz-" + id + ".yaml"));
        assertThat(registry.definition(id)).get().satisfies(d -> {
            assertThat(d.file().getFileName().toString()).isEqualTo("zz-" + id + ".yaml");
            assertThat(d.url()).isEqualTo(server.uri("/feed.xml"));
        });
        JsonPath list = admin().get("/api/admin/sources").then().statusCode(200).extract().jsonPath();
        assertThat(source(list, id)).containsEntry("state", "valid").containsEntry("schedule", "15m")
                .containsEntry("file", "zz-" + id + ".yaml");
        assertThat((List<?>) source(list, id).get("errors")).isEmpty();

        // a restart loads the folder the same way: the owner is read from the source rows first
        registry.reload();
        assertThat(registry.definition(id)).get().extracting(d -> d.file().getFileName().toString()).isEqualTo("zz-" + id + ".yaml");
    }
}
