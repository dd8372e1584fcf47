package cn.tingfeng.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Two real instances of the packaged application (two {@code java -jar target/quarkus-app/quarkus-run.jar} processes)
 * on ONE PostgreSQL database: concurrent SLA sweeps, fired by hand on both at the same moment and run by the clustered
 * Quartz schedule of both, write exactly one supervision record per (clock, step), and the audit chain still verifies.
 *
 * <p>Runs only when {@code TINGFENG_IT_POSTGRES_URL} names an EMPTY PostgreSQL database (schema public without tables)
 * and the jar was built for it: {@code QUARKUS_DATASOURCE_DB_KIND=postgresql QUARKUS_QUARTZ_STORE_TYPE=jdbc-cmt
 * QUARKUS_QUARTZ_CLUSTERED=true ./mvnw package -DskipTests}. Optional: {@code TINGFENG_IT_POSTGRES_USER} (postgres),
 * {@code TINGFENG_IT_POSTGRES_PASSWORD} (empty). See .ci/run and docs/tracking.md.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@EnabledIfEnvironmentVariable(named = "TINGFENG_IT_POSTGRES_URL", matches = ".*\\S.*", disabledReason = TwoInstancesPostgresIT.SKIPPED)
class TwoInstancesPostgresIT {
    static final String SKIPPED = "TwoInstancesPostgresIT skipped: set TINGFENG_IT_POSTGRES_URL=jdbc:postgresql://host:5432/"
            + "<empty database> and build the jar for PostgreSQL first (see .ci/run)";
    static final String ADMIN_PASSWORD = "two-inst-admin-pw-1";
    static final String PASSWORD = "two-inst-user-pw-1";
    /** Due 30 h after the start: 催办 (3 h), 督办 (5 h), 问责 (29 h); the reminder is superseded once the target has passed. */
    static final String[] STEPS = {"urge", "supervise", "accountability"};
    static final int ROUNDS = 5;

    static String url;
    static String dbUser;
    static String dbPassword;
    static Instance a;
    static Instance b;
    static long unitId;
    static int phase1Records;

    /** One application process. */
    static final class Instance {
        final String name;
        final int port;
        final Process process;
        final Path log;

        Instance(String name, String sweepEvery) throws IOException {
            this.name = name;
            this.port = freePort();
            this.log = Path.of("target", "two-instances-" + name + ".log");
            Path dataDir = Path.of("target", "two-instances-data-" + name).toAbsolutePath();
            Files.createDirectories(dataDir);
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "-jar", "target/quarkus-app/quarkus-run.jar")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            Map<String, String> env = pb.environment();
            env.keySet().removeIf(k -> k.startsWith("QUARKUS_") || k.startsWith("TINGFENG_") || k.startsWith("TRACKING_"));
            env.put("QUARKUS_DATASOURCE_JDBC_URL", url);
            env.put("QUARKUS_DATASOURCE_USERNAME", dbUser);
            env.put("QUARKUS_DATASOURCE_PASSWORD", dbPassword);
            env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
            env.put("TINGFENG_ADMIN_PASSWORD", ADMIN_PASSWORD);
            env.put("TINGFENG_DATA_DIR", dataDir.toString());
            env.put("TINGFENG_SESSION_KEY", "two-instances-it-session-key-0123456789");
            env.put("TINGFENG_CRAWLERS_ENABLED", "false"); // never reach the internet from a test
            env.put("TRACKING_SWEEP_EVERY", sweepEvery);
            env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
            this.process = pb.start();
        }

        String base() {
            return "http://127.0.0.1:" + port;
        }

        RequestSpecification as(String user, String password) {
            return given().baseUri(base()).auth().preemptive().basic(user, password).contentType("application/json");
        }

        RequestSpecification admin() {
            return as("admin", ADMIN_PASSWORD);
        }

        void awaitReady(Duration max) throws Exception {
            HttpClient http = HttpClient.newHttpClient();
            long end = System.nanoTime() + max.toNanos();
            while (System.nanoTime() < end) {
                if (!process.isAlive()) {
                    fail("instance " + name + " exited with " + process.exitValue() + " (was the jar built for PostgreSQL? "
                            + "QUARKUS_DATASOURCE_DB_KIND=postgresql QUARKUS_QUARTZ_STORE_TYPE=jdbc-cmt QUARKUS_QUARTZ_CLUSTERED=true "
                            + "./mvnw package -DskipTests)\n" + tail());
                }
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + "/q/health/ready"))
                            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200) return;
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(500);
            }
            fail("instance " + name + " not ready after " + max + "\n" + tail());
        }

        String tail() {
            try {
                List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
            } catch (IOException e) {
                return "(no log: " + e + ")";
            }
        }

        void stop() throws InterruptedException {
            if (process.isAlive()) {
                process.destroy();
                if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }

        /** Sum of a Prometheus series over all its label sets. */
        double metric(String series) {
            String text = given().baseUri(base()).get("/q/metrics").then().statusCode(200).extract().asString();
            double sum = 0;
            for (String line : text.split("\n")) {
                if (line.startsWith(series + "{") || line.startsWith(series + " ")) {
                    sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
            return sum;
        }
    }

    @BeforeAll
    static void startTwoInstances() throws Exception {
        url = System.getenv("TINGFENG_IT_POSTGRES_URL");
        Assumptions.assumeTrue(url != null && !url.isBlank(), SKIPPED);
        dbUser = envOr("TINGFENG_IT_POSTGRES_USER", "postgres");
        dbPassword = envOr("TINGFENG_IT_POSTGRES_PASSWORD", "");
        assertThat(new File("target/quarkus-app/quarkus-run.jar")).as("packaged jar").exists();
        try (Connection c = DriverManager.getConnection(url, dbUser, dbPassword);
             ResultSet rs = c.createStatement().executeQuery(
                     "select count(*) from information_schema.tables where table_schema = 'public'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("tables in schema public of " + url + ": this test needs an empty database "
                    + "(drop schema public cascade; create schema public;)").isZero();
        }
        // One after the other: the first start migrates the schema and creates the admin account.
        a = new Instance("a", "off");
        a.awaitReady(Duration.ofSeconds(180));
        b = new Instance("b", "off");
        b.awaitReady(Duration.ofSeconds(180));
        unitId = a.admin().get("/api/units").then().statusCode(200).extract().jsonPath()
                .getLong("find { it.name == '灌云县教育局' }.id");
        a.admin().body(Map.of("username", "it2-analyst", "password", PASSWORD, "roles", List.of("analyst")))
                .post("/api/admin/users").then().statusCode(201);
        b.admin().body(Map.of("username", "it2-dept", "password", PASSWORD, "roles", List.of("department"), "unitId", unitId))
                .post("/api/admin/users").then().statusCode(201);
    }

    @AfterAll
    static void stopInstances() throws InterruptedException {
        if (a != null) a.stop();
        if (b != null) b.stop();
    }

    @Test
    @Order(1)
    void sweepsFiredOnBothInstancesAtTheSameMomentWriteOneRecordPerStep() throws Exception {
        long incidentId = createAssignedIncident(a, b, "两实例并发督办测试一");
        long assignmentId = assignmentOf(b, incidentId);
        a.as("it2-dept", PASSWORD).get("/api/incidents/" + incidentId).then().statusCode(200);

        ExecutorService pool = Executors.newFixedThreadPool(2);
        int createdSum = 0;
        int[] createdBy = new int[2];
        int[] duplicatesBy = new int[2];
        int[] dueBy = new int[2];
        try {
            for (int round = 0; round < ROUNDS; round++) {
                CountDownLatch start = new CountDownLatch(1);
                List<CompletableFuture<JsonPath>> reports = new ArrayList<>();
                for (Instance i : List.of(a, b)) {
                    reports.add(CompletableFuture.supplyAsync(() -> {
                        try {
                            start.await();
                        } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                        return i.admin().post("/api/admin/sla/sweep").then().statusCode(200).extract().jsonPath();
                    }, pool));
                }
                start.countDown();
                for (int k = 0; k < 2; k++) {
                    JsonPath r = reports.get(k).get(60, TimeUnit.SECONDS);
                    assertThat(r.getInt("failed")).as("failed assignments in a sweep").isZero();
                    int mine = r.getList("created.findAll { it.assignmentId == " + assignmentId + " }").size();
                    createdSum += mine;
                    createdBy[k] += mine;
                    duplicatesBy[k] += r.getInt("duplicatesIgnored");
                    dueBy[k] += r.getInt("assignmentsDue");
                }
            }
        } finally {
            pool.shutdownNow();
        }

        Map<String, Integer> perStep = stepsOf(b, incidentId, assignmentId);
        System.out.printf("[two-instances] manual sweeps: %d rounds x 2 instances; records created by a=%d b=%d "
                        + "(sum %d), assignments found due a=%d b=%d, duplicatesIgnored a=%d b=%d; records per (clock, step): %s%n",
                ROUNDS, createdBy[0], createdBy[1], createdSum, dueBy[0], dueBy[1], duplicatesBy[0], duplicatesBy[1], perStep);
        assertOnePerStep(perStep);
        assertThat(perStep.values().stream().mapToInt(Integer::intValue).sum()).as("records = sum of created")
                .isEqualTo(createdSum);
        List<Map<String, Object>> all = a.admin().get("/api/supervision?status=all").then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.assignmentId == " + assignmentId + " }");
        assertThat(all).hasSize(createdSum);
        phase1Records = a.admin().get("/api/supervision?status=all").then().extract().jsonPath().getList("$").size();
        assertAuditVerifies(phase1Records, 1);
    }

    @Test
    @Order(2)
    void theClusteredScheduledSweepOfBothInstancesWritesOneRecordPerStep() throws Exception {
        a.stop();
        b.stop();
        a = new Instance("a", "5s");
        a.awaitReady(Duration.ofSeconds(180));
        b = new Instance("b", "5s");
        b.awaitReady(Duration.ofSeconds(180));

        long incidentId = createAssignedIncident(b, a, "两实例定时督办测试二");
        long assignmentId = assignmentOf(a, incidentId);
        Thread.sleep(15_000);
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (stepsOf(a, incidentId, assignmentId).getOrDefault("firstResponse/accountability", 0) == 0
                && System.nanoTime() < end) {
            Thread.sleep(1000);
        }
        Map<String, Integer> perStep = stepsOf(b, incidentId, assignmentId);
        int records = perStep.values().stream().mapToInt(Integer::intValue).sum();
        double sweepsA = a.metric("tingfeng_sla_sweep_seconds_count");
        double sweepsB = b.metric("tingfeng_sla_sweep_seconds_count");
        double writtenA = a.metric("tingfeng_supervision_records_total");
        double writtenB = b.metric("tingfeng_supervision_records_total");
        System.out.printf("[two-instances] scheduled sweeps (every 5s, clustered Quartz): sweeps a=%.0f b=%.0f; records "
                + "written a=%.0f b=%.0f; records per (clock, step): %s%n", sweepsA, sweepsB, writtenA, writtenB, perStep);
        assertOnePerStep(perStep);
        assertThat(sweepsA + sweepsB).as("scheduled sweeps of both instances").isGreaterThanOrEqualTo(2);
        int total = a.admin().get("/api/supervision?status=all").then().statusCode(200).extract().jsonPath().getList("$").size();
        assertThat(total - phase1Records).as("records written in this phase").isEqualTo(records);
        assertThat(writtenA + writtenB).as("records counted by the two instances' sweeps").isEqualTo(records);
        assertAuditVerifies(total, 2);
    }

    private static long createAssignedIncident(Instance creator, Instance assigner, String title) {
        Instant startedAt = Instant.now().minus(30, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        long incidentId = creator.as("it2-analyst", PASSWORD)
                .body(Map.of("title", title, "summary", "两个应用实例共用一个 PostgreSQL", "grade", "II",
                        "startedAt", startedAt.toString()))
                .post("/api/incidents").then().statusCode(201).extract().jsonPath().getLong("id");
        assigner.as("it2-analyst", PASSWORD).body(Map.of("unitId", unitId, "role", "lead"))
                .post("/api/incidents/" + incidentId + "/assignments").then().statusCode(201);
        return incidentId;
    }

    private static long assignmentOf(Instance i, long incidentId) {
        return i.as("it2-analyst", PASSWORD).get("/api/incidents/" + incidentId).then().statusCode(200)
                .extract().jsonPath().getLong("assignments[0].id");
    }

    /** "clock/step" → number of supervision records, from GET /api/incidents/{id}. */
    private static Map<String, Integer> stepsOf(Instance i, long incidentId, long assignmentId) {
        List<Map<String, Object>> records = i.as("it2-analyst", PASSWORD).get("/api/incidents/" + incidentId).then()
                .statusCode(200).extract().jsonPath().getList("assignments.find { it.id == " + assignmentId + " }.supervision");
        Map<String, Integer> perStep = new TreeMap<>();
        for (Map<String, Object> r : records) perStep.merge(r.get("clock") + "/" + r.get("type"), 1, Integer::sum);
        return perStep;
    }

    private static void assertOnePerStep(Map<String, Integer> perStep) {
        for (String step : STEPS) assertThat(perStep).as("firstResponse ladder").containsKey("firstResponse/" + step);
        assertThat(perStep).as("a reminder after the target has passed").doesNotContainKey("firstResponse/reminder");
        assertThat(perStep.values()).as("records per (clock, step): " + perStep).allMatch(n -> n == 1);
    }

    /** The chain verifies on both instances and holds one entry per record, incident creation and assignment. */
    private static void assertAuditVerifies(int records, int incidents) {
        for (Instance i : List.of(a, b)) {
            JsonPath v = i.admin().get("/api/audit/verify").then().statusCode(200).extract().jsonPath();
            System.out.printf("[two-instances] audit verify on %s: ok=%s entries=%d firstBroken=%s%n", i.name,
                    v.getBoolean("ok"), v.getInt("entries"), v.getString("firstBroken"));
            assertThat(v.getBoolean("ok")).as("audit chain verifies on " + i.name + ": " + v.prettify()).isTrue();
            assertThat(v.getInt("entries")).as("audit entries").isEqualTo(records + 2 * incidents);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String envOr(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isEmpty() ? fallback : v;
    }
}
