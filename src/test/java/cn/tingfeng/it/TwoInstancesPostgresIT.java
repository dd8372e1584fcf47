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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * Then the monitoring pipeline (durable queue, cluster-wide grouping lock): the same 200 stories collected through both
 * instances at once (originals from one feed on one instance, reposts from another feed on the other) make exactly one
 * incident each, no post processed twice; and an instance killed with SIGKILL while it works through its queue leaves
 * the rest to the other, which finishes it: every stored post that matches is linked once, the queue is empty. The
 * feeds are served by a local HTTP server ({@link TwoInstancesFeedServer}) and defined in a crawlers folder under
 * target/ shared by both instances; the stories are {@link TwoInstancesStories}.
 *
 * <p>Runs only when {@code TINGFENG_IT_POSTGRES_URL} names an EMPTY PostgreSQL database (schema public without tables)
 * and the jar was built for it: {@code QUARKUS_DATASOURCE_DB_KIND=postgresql QUARKUS_QUARTZ_STORE_TYPE=jdbc-cmt
 * QUARKUS_QUARTZ_CLUSTERED=true ./mvnw package -DskipTests}. Optional: {@code TINGFENG_IT_POSTGRES_USER} (postgres),
 * {@code TINGFENG_IT_POSTGRES_PASSWORD} (empty); the application directory with system property
 * {@code tingfeng.it.appDir} or environment variable {@code TINGFENG_IT_APP_DIR} (default target/quarkus-app, e.g. a
 * copy of it that another build does not overwrite meanwhile). See .ci/run and docs/tracking.md.
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
    /** The packaged application: target/quarkus-app unless a copy is named. */
    static final String APP_DIR = System.getProperty("tingfeng.it.appDir",
            envOr("TINGFENG_IT_APP_DIR", "target/quarkus-app"));
    static final Path CRAWLERS = Path.of("target", "two-instances-crawlers").toAbsolutePath();
    static final String SOURCE_A = "it2-feed-a";
    static final String SOURCE_B = "it2-feed-b";
    static final String SOURCE_C = "it2-feed-c";
    static final String FEED_A = "/feed-a.json";
    static final String FEED_B = "/feed-b.json";
    static final String FEED_C = "/feed-c.json";
    static final int STORIES = 200;
    static final String PLAN_RULE = "连云港 NOT (演习 OR 演练)";
    static final Duration DRAIN = Duration.ofSeconds(150);
    static final Duration TAKEOVER = Duration.ofSeconds(60);

    static String url;
    static String dbUser;
    static String dbPassword;
    static Instance a;
    static Instance b;
    static long unitId;
    static int phase1Records;
    static TwoInstancesFeedServer feeds;
    static long planId;

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
            ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "-jar", Path.of(APP_DIR, "quarkus-run.jar").toString())
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
            env.put("TINGFENG_CRAWLERS_DIR", CRAWLERS.toString()); // the test's local feeds only, run by hand
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
        assertThat(new File(APP_DIR, "quarkus-run.jar")).as("packaged jar").exists();
        try (Connection c = DriverManager.getConnection(url, dbUser, dbPassword);
             ResultSet rs = c.createStatement().executeQuery(
                     "select count(*) from information_schema.tables where table_schema = 'public'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("tables in schema public of " + url + ": this test needs an empty database "
                    + "(drop schema public cascade; create schema public;)").isZero();
        }
        feeds = new TwoInstancesFeedServer();
        feeds.writeSources(CRAWLERS, Map.of(SOURCE_A, FEED_A, SOURCE_B, FEED_B, SOURCE_C, FEED_C));
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
        if (feeds != null) feeds.close();
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

    @Test
    @Order(3)
    void theSameStoriesCollectedThroughBothInstancesAtOnceMakeOneIncidentEach() throws Exception {
        List<TwoInstancesStories.Story> stories = TwoInstancesStories.range(0, STORIES, 0);
        List<TwoInstancesFeedServer.Item> originals = new ArrayList<>();
        List<TwoInstancesFeedServer.Item> reposts = new ArrayList<>();
        for (TwoInstancesStories.Story s : stories) {
            originals.add(new TwoInstancesFeedServer.Item(storyUrl("a", s.n()), s.title(), s.body(), "连云港本地新闻"));
            reposts.add(new TwoInstancesFeedServer.Item(storyUrl("b", s.n()), s.title(), s.repostBody(), "网友转载"));
        }
        feeds.serve(FEED_A, originals);
        feeds.serve(FEED_B, reposts);
        // the plan (matching every story) is saved on a; b's matcher sees it at its next batch
        planId = a.as("it2-analyst", PASSWORD).body(Map.of("name", "两实例·连云港突发事件", "rule", PLAN_RULE))
                .post("/api/plans").then().statusCode(201).extract().jsonPath().getLong("id");
        double processedA = pipeline(a).getDouble("processedTotal");
        double processedB = pipeline(b).getDouble("processedTotal");

        long t0 = System.nanoTime();
        List<JsonPath> runs = runAtOnce(List.of(a, b), List.of(SOURCE_A, SOURCE_B));
        for (JsonPath r : runs) {
            assertThat(r.getBoolean("failed")).as("run of " + r.getString("source") + ": " + r.prettify()).isFalse();
            assertThat(r.getInt("newPosts")).as("new posts of " + r.getString("source")).isEqualTo(STORIES);
        }
        long collectedMs = (System.nanoTime() - t0) / 1_000_000;
        JsonPath[] views = awaitQueueEmpty(List.of(a, b), DRAIN);
        long drainedMs = (System.nanoTime() - t0) / 1_000_000;
        double byA = views[0].getDouble("processedTotal") - processedA;
        double byB = views[1].getDouble("processedTotal") - processedB;
        System.out.printf("[two-instances] pipeline: %d originals collected on a + %d reposts on b at once in %d ms; "
                        + "queue drained after %d ms; posts processed by a=%.0f b=%.0f; retried a=%s b=%s%n", STORIES,
                STORIES, collectedMs, drainedMs, byA, byB, views[0].get("retriedTotal"), views[1].get("retriedTotal"));
        for (JsonPath v : views) {
            assertThat(v.getLong("parked")).as("parked posts: " + v.prettify()).isZero();
            assertThat(v.getLong("retrying")).as("posts waiting for a retry").isZero();
        }

        try (Connection c = db()) {
            Map<Long, String> posts = postsOf(c, SOURCE_A, SOURCE_B);  // post id → "a17" / "b17"
            assertThat(posts).as("posts stored from both feeds").hasSize(2 * STORIES);
            Map<Long, List<Long>> incidentsOfPost = incidentsOfPosts(c, posts.keySet());
            List<Long> notOnce = incidentsOfPost.entrySet().stream().filter(e -> e.getValue().size() != 1)
                    .map(Map.Entry::getKey).toList();
            assertThat(incidentsOfPost.keySet()).as("posts linked to an incident").containsExactlyInAnyOrderElementsOf(posts.keySet());
            assertThat(notOnce).as("posts linked to more than one incident (or twice)").isEmpty();
            Map<Long, List<String>> storiesOfIncident = new TreeMap<>();
            incidentsOfPost.forEach((post, incidents) ->
                    storiesOfIncident.computeIfAbsent(incidents.get(0), k -> new ArrayList<>()).add(posts.get(post)));
            Map<Long, String> status = incidentStatus(c, storiesOfIncident.keySet());
            assertThat(status.values()).as("status of the incidents").doesNotContain("merged");
            List<String> wrong = new ArrayList<>();
            storiesOfIncident.forEach((incident, members) -> {
                List<String> sorted = members.stream().sorted().toList();
                String n = sorted.get(0).substring(1);
                if (!sorted.equals(List.of("a" + n, "b" + n))) wrong.add(incident + "=" + sorted);
            });
            assertThat(wrong).as("incidents that do not hold exactly one original and its repost").isEmpty();
            assertThat(storiesOfIncident).as("incidents").hasSize(STORIES);

            // matching: once per (post, plan, version), every post matched the plan
            assertThat(longs(c, "select count(*) from (select post_id, plan_id, plan_version from post_match"
                    + " group by post_id, plan_id, plan_version having count(*) > 1) d")).as("duplicate matches").isZero();
            assertThat(countWhereIn(c, "select count(*) from post_match where plan_id = " + planId + " and post_id in ",
                    posts.keySet())).as("matches of the plan").isEqualTo(2L * STORIES);
            // de-duplication: one fingerprint per post; in each pair one is the original, the other its repost
            Map<Long, Long> duplicateOf = fingerprints(c, posts.keySet());
            assertThat(duplicateOf).as("fingerprinted posts").hasSize(2 * STORIES);
            Map<String, Long> idOf = new TreeMap<>();
            posts.forEach((id, key) -> idOf.put(key, id));
            List<String> badPairs = new ArrayList<>();
            for (int n = 0; n < STORIES; n++) {
                Long pa = idOf.get("a" + n);
                Long pb = idOf.get("b" + n);
                boolean ok = (duplicateOf.get(pa) == null && pa.equals(duplicateOf.get(pb)))
                        || (duplicateOf.get(pb) == null && pb.equals(duplicateOf.get(pa)));
                if (!ok) badPairs.add(n + ": a" + pa + "→" + duplicateOf.get(pa) + " b" + pb + "→" + duplicateOf.get(pb));
            }
            assertThat(badPairs).as("pairs where not exactly one post is the repost of the other").isEmpty();
            assertThat(longs(c, "select count(*) from post_queue")).as("rows left in post_queue").isZero();
            assertCreatedAudited(c, STORIES);
        }
        assertThat(byA + byB).as("posts processed by the two instances together (a post processed twice counts twice)")
                .isEqualTo(2.0 * STORIES);
        assertAuditChainVerifies(List.of(a, b));
    }

    @Test
    @Order(4)
    void anInstanceKilledWhileWorkingThroughItsQueueLeavesTheRestToTheOther() throws Exception {
        assertThat(planId).as("the plan of the previous test").isPositive();
        List<TwoInstancesStories.Story> stories = TwoInstancesStories.range(STORIES, STORIES, 10);
        List<TwoInstancesFeedServer.Item> items = new ArrayList<>();
        for (TwoInstancesStories.Story s : stories) {
            items.add(new TwoInstancesFeedServer.Item(storyUrl("c", s.n()), s.title(), s.body(), "连云港本地新闻"));
        }
        feeds.serve(FEED_C, items);
        long lastIncident;
        try (Connection c = db()) {
            lastIncident = longs(c, "select coalesce(max(id), 0) from incident");
        }
        double before = pipeline(a).getDouble("processedTotal");

        long t0 = System.nanoTime();
        JsonPath run = a.admin().post("/api/admin/sources/" + SOURCE_C + "/run").then().statusCode(200).extract().jsonPath();
        assertThat(run.getInt("newPosts")).as("posts collected on a: " + run.prettify()).isEqualTo(STORIES);
        long collectedMs = (System.nanoTime() - t0) / 1_000_000;
        // kill a as soon as it has processed some of them (it is then most likely inside its next batch)
        JsonPath atKill = null;
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < end) {
            JsonPath v = pipeline(a);
            if (v.getDouble("processedTotal") > before) {
                atKill = v;
                break;
            }
            Thread.sleep(50);
        }
        assertThat(atKill).as("a started processing the collected posts\n" + a.tail()).isNotNull();
        a.process.destroyForcibly();
        assertThat(a.process.waitFor(30, TimeUnit.SECONDS)).as("a is gone").isTrue();
        long killedMs = (System.nanoTime() - t0) / 1_000_000;
        JsonPath left = pipeline(b);
        long t1 = System.nanoTime();
        JsonPath drained = awaitQueueEmpty(List.of(b), TAKEOVER)[0];
        long takeoverMs = (System.nanoTime() - t1) / 1_000_000;
        System.out.printf("[two-instances] kill: %d posts collected on a in %d ms; a killed (SIGKILL) after %d ms, having "
                        + "processed %.0f of them, %d queued (b's view) at the kill; b alone emptied the queue in %d ms%n",
                STORIES, collectedMs, killedMs, atKill.getDouble("processedTotal") - before, left.getLong("queued"),
                takeoverMs);
        assertThat(left.getLong("queued")).as("posts still queued when a was killed (else nothing was left to b)").isPositive();
        assertThat(drained.getLong("parked")).as("parked posts: " + drained.prettify()).isZero();

        try (Connection c = db()) {
            Map<Long, String> posts = postsOf(c, SOURCE_C);
            assertThat(posts).as("posts stored from feed C").hasSize(STORIES);
            Set<Long> matching = new TreeSet<>(longList(c, "select post_id from post_match where plan_id = " + planId
                    + " and post_id in ", posts.keySet()));
            Set<Long> expected = new TreeSet<>();
            posts.forEach((id, key) -> {
                if (!stories.get(Integer.parseInt(key.substring(1)) - STORIES).decoy()) expected.add(id);
            });
            assertThat(matching).as("posts of feed C that match the plan (all but the decoys)")
                    .containsExactlyInAnyOrderElementsOf(expected);
            Map<Long, List<Long>> incidentsOfPost = incidentsOfPosts(c, posts.keySet());
            assertThat(incidentsOfPost.keySet()).as("posts of feed C linked to an incident")
                    .containsExactlyInAnyOrderElementsOf(matching);
            assertThat(incidentsOfPost.entrySet().stream().filter(e -> e.getValue().size() != 1).map(Map.Entry::getKey)
                    .toList()).as("matching posts linked more than once").isEmpty();
            assertThat(fingerprints(c, posts.keySet())).as("fingerprinted posts of feed C").hasSize(STORIES);
            assertThat(longs(c, "select count(*) from post_queue")).as("rows left in post_queue").isZero();
            // what the killed transaction had begun is gone: every incident of this phase holds its one story
            Map<Long, Long> postsPerIncident = new TreeMap<>();
            for (Object[] r : rows(c, "select i.id, count(ip.post_id) from incident i left join incident_post ip"
                    + " on ip.incident_id = i.id where i.id > " + lastIncident + " group by i.id")) {
                postsPerIncident.put(((Number) r[0]).longValue(), ((Number) r[1]).longValue());
            }
            assertThat(postsPerIncident.values()).as("posts per incident created in this phase").allMatch(n -> n == 1);
            assertThat(postsPerIncident).as("incidents created in this phase").hasSize(expected.size());
            assertCreatedAudited(c, STORIES + expected.size());
        }

        // a comes back on the same database and sees the queue empty; the chain verifies on both
        a = new Instance("a", "5s");
        a.awaitReady(Duration.ofSeconds(180));
        assertThat(pipeline(a).getLong("queued")).as("queued, as a sees it after the restart").isZero();
        assertAuditChainVerifies(List.of(a, b));
    }

    private static String storyUrl(String feed, int n) {
        return feeds.url("/" + feed + "/" + (feed.equals("b") ? "repost" : "story") + "-" + n + ".html");
    }

    private static JsonPath pipeline(Instance i) {
        return i.admin().get("/api/admin/pipeline").then().statusCode(200).extract().jsonPath();
    }

    /** Runs source k on instance k, all at the same moment; the run summaries. */
    private static List<JsonPath> runAtOnce(List<Instance> instances, List<String> sources) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(instances.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<JsonPath>> runs = new ArrayList<>();
            for (int k = 0; k < instances.size(); k++) {
                Instance i = instances.get(k);
                String source = sources.get(k);
                runs.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    return i.admin().post("/api/admin/sources/" + source + "/run").then().statusCode(200).extract().jsonPath();
                }, pool));
            }
            start.countDown();
            List<JsonPath> out = new ArrayList<>();
            for (CompletableFuture<JsonPath> r : runs) out.add(r.get(120, TimeUnit.SECONDS));
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Waits until every instance reports an empty queue (parked rows aside); their last views. */
    private static JsonPath[] awaitQueueEmpty(List<Instance> instances, Duration max) throws InterruptedException {
        JsonPath[] views = new JsonPath[instances.size()];
        long end = System.nanoTime() + max.toNanos();
        while (true) {
            boolean empty = true;
            for (int k = 0; k < instances.size(); k++) {
                views[k] = pipeline(instances.get(k));
                empty &= views[k].getLong("queued") == 0;
            }
            if (empty) return views;
            if (System.nanoTime() > end) {
                StringBuilder why = new StringBuilder("queue not empty after " + max);
                for (int k = 0; k < instances.size(); k++) {
                    why.append("\n").append(instances.get(k).name).append(": ").append(views[k].prettify())
                            .append("\n").append(instances.get(k).tail());
                }
                fail(why.toString());
            }
            Thread.sleep(500);
        }
    }

    /** Every 'incident.created' by the pipeline is audited once, and only those: as many as incidents by 'system'. */
    private static void assertCreatedAudited(Connection c, int expected) throws Exception {
        List<Long> audited = new ArrayList<>();
        for (Object[] r : rows(c, "select subject_id from audit_log where action = 'incident.created' and actor = 'system'")) {
            audited.add(Long.valueOf((String) r[0]));
        }
        List<Long> bySystem = new ArrayList<>();
        for (Object[] r : rows(c, "select id from incident where created_by = 'system'")) bySystem.add(((Number) r[0]).longValue());
        assertThat(audited).as("incident.created entries of the pipeline").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(bySystem);
        assertThat(bySystem).as("incidents created by the pipeline so far").hasSize(expected);
    }

    private static void assertAuditChainVerifies(List<Instance> instances) {
        for (Instance i : instances) {
            JsonPath v = i.admin().get("/api/audit/verify").then().statusCode(200).extract().jsonPath();
            System.out.printf("[two-instances] audit verify on %s: ok=%s entries=%d%n", i.name, v.getBoolean("ok"),
                    v.getInt("entries"));
            assertThat(v.getBoolean("ok")).as("audit chain verifies on " + i.name + ": " + v.prettify()).isTrue();
        }
    }

    private static Connection db() throws Exception {
        return DriverManager.getConnection(url, dbUser, dbPassword);
    }

    /** Posts of these sources: id → feed letter + story number ("a17"), from the URL the test gave them. */
    private static Map<Long, String> postsOf(Connection c, String... sources) throws Exception {
        Map<Long, String> out = new TreeMap<>();
        String in = String.join(",", java.util.Collections.nCopies(sources.length, "?"));
        try (PreparedStatement ps = c.prepareStatement("select p.id, p.url from post p join source s on s.id = p.source_id"
                + " where s.source_key in (" + in + ")")) {
            for (int k = 0; k < sources.length; k++) ps.setString(k + 1, sources[k]);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Matcher m = STORY_URL.matcher(rs.getString(2));
                    assertThat(m.find()).as("a post URL of the test: " + rs.getString(2)).isTrue();
                    out.put(rs.getLong(1), m.group(1) + m.group(2));
                }
            }
        }
        return out;
    }

    static final Pattern STORY_URL = Pattern.compile("/([abc])/(?:story|repost)-(\\d+)\\.html$");

    /** For each of these posts that is linked: every incident it is linked to (a row per link). */
    private static Map<Long, List<Long>> incidentsOfPosts(Connection c, Set<Long> posts) throws Exception {
        Map<Long, List<Long>> out = new TreeMap<>();
        for (Object[] r : rowsWhereIn(c, "select post_id, incident_id from incident_post where post_id in ", posts)) {
            out.computeIfAbsent(((Number) r[0]).longValue(), k -> new ArrayList<>()).add(((Number) r[1]).longValue());
        }
        return out;
    }

    private static Map<Long, String> incidentStatus(Connection c, Set<Long> incidents) throws Exception {
        Map<Long, String> out = new TreeMap<>();
        for (Object[] r : rowsWhereIn(c, "select id, status from incident where id in ", incidents)) {
            out.put(((Number) r[0]).longValue(), (String) r[1]);
        }
        return out;
    }

    /** post id → the post it duplicates (null for an original), one entry per fingerprint row; fails on a second row. */
    private static Map<Long, Long> fingerprints(Connection c, Set<Long> posts) throws Exception {
        Map<Long, Long> out = new java.util.HashMap<>();
        for (Object[] r : rowsWhereIn(c, "select post_id, duplicate_of from post_fingerprint where post_id in ", posts)) {
            long id = ((Number) r[0]).longValue();
            assertThat(out.containsKey(id)).as("a second fingerprint of post " + id).isFalse();
            out.put(id, r[1] == null ? null : ((Number) r[1]).longValue());
        }
        return out;
    }

    private static long longs(Connection c, String sql) throws Exception {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long countWhereIn(Connection c, String sqlEndingInIn, Set<Long> ids) throws Exception {
        return ((Number) rowsWhereIn(c, sqlEndingInIn, ids).get(0)[0]).longValue();
    }

    private static List<Long> longList(Connection c, String sqlEndingInIn, Set<Long> ids) throws Exception {
        return rowsWhereIn(c, sqlEndingInIn, ids).stream().map(r -> ((Number) r[0]).longValue()).toList();
    }

    private static List<Object[]> rowsWhereIn(Connection c, String sqlEndingInIn, Set<Long> ids) throws Exception {
        String list = ids.isEmpty() ? "(null)" : "(" + String.join(",", ids.stream().map(String::valueOf).toList()) + ")";
        return rows(c, sqlEndingInIn + list);
    }

    private static List<Object[]> rows(Connection c, String sql) throws Exception {
        List<Object[]> out = new ArrayList<>();
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Object[] row = new Object[n];
                for (int k = 0; k < n; k++) row[k] = rs.getObject(k + 1);
                out.add(row);
            }
        }
        return out;
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
