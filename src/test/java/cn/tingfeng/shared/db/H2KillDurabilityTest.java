package cn.tingfeng.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The durability setting of the production JDBC URL ({@code WRITE_DELAY=0} in {@code application.properties}): a commit
 * that has returned survives a SIGKILL of the process. H2's default write delay (500 ms) loses the commits of the last
 * moments before a crash; this test fails without the setting. A child JVM ({@link H2KillDurabilityChild}) opens the
 * URL exactly as configured (the data directory a temporary one), commits rows one at a time and prints each id after
 * its commit; the test kills it with SIGKILL after about 1.5 s (and at least {@value #MIN_COMMITS} commits), reopens the
 * database and requires every printed id. Three rounds, each on a fresh database.
 *
 * <p>Plain JUnit, no Quarkus: this is H2 and the URL alone. {@code CrashDurabilityIT} kills the whole application.
 */
class H2KillDurabilityTest {
    static final Path PROPERTIES = Path.of("src/main/resources/application.properties");
    static final String URL_KEY = "quarkus.datasource.jdbc.url=";
    static final int ROUNDS = 3;
    static final int MIN_COMMITS = 500;
    static final long KILL_AFTER_MS = 1500;
    /** The child is killed at the latest after this long, whatever it printed (a hung or very slow child). */
    static final long WATCHDOG_MS = 15_000;

    @TempDir
    Path dir;

    @Test
    void everyCommitPrintedBeforeASigkillIsThereAfterReopening() throws Exception {
        List<String> failures = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            Path dataDir = Files.createDirectories(dir.resolve("round-" + round));
            String url = productionUrl(dataDir);
            Killed killed = runAndKill(url, dir.resolve("child-" + round + ".err"));
            Set<Long> present = ids(url + ";IFEXISTS=TRUE");
            List<Long> missing = killed.printed().stream().filter(id -> !present.contains(id)).sorted().toList();
            long notPrinted = present.stream().filter(id -> !killed.printed().contains(id)).count();
            System.out.printf("[h2-kill] round %d: %d commits acknowledged (printed) in %d ms, then SIGKILL; after "
                            + "reopening %d rows, %d acknowledged ids missing%s, %d rows committed but not yet printed%n",
                    round, killed.printed().size(), killed.runMs(), present.size(), missing.size(),
                    missing.isEmpty() ? "" : " (" + missing.get(0) + " … " + missing.get(missing.size() - 1) + ")",
                    notPrinted);
            assertThat(killed.printed()).as("round %d: commits printed by the child before the kill (stderr: %s)", round,
                    killed.stderr()).hasSizeGreaterThanOrEqualTo(MIN_COMMITS);
            if (!missing.isEmpty()) {
                failures.add("round " + round + ": " + missing.size() + " of " + killed.printed().size()
                        + " acknowledged commits missing after SIGKILL and reopening, ids " + missing.get(0) + " … "
                        + missing.get(missing.size() - 1));
            }
        }
        assertThat(failures).as("commits acknowledged before a SIGKILL, lost (URL of %s: %s)", PROPERTIES,
                productionUrlTemplate()).isEmpty();
    }

    /** The {@code quarkus.datasource.jdbc.url} of application.properties, its data directory replaced by {@code dataDir}. */
    static String productionUrl(Path dataDir) throws IOException {
        return productionUrlTemplate().replace("${tingfeng.data-dir}", dataDir.toAbsolutePath().toString());
    }

    /** The {@code quarkus.datasource.jdbc.url} line of application.properties as it is written. */
    static String productionUrlTemplate() throws IOException {
        List<String> urls = Files.readAllLines(PROPERTIES, StandardCharsets.UTF_8).stream()
                .filter(l -> l.startsWith(URL_KEY)).map(l -> l.substring(URL_KEY.length()).trim()).toList();
        assertThat(urls).as("one line %s… in %s", URL_KEY, PROPERTIES).hasSize(1);
        String url = urls.get(0);
        assertThat(url).as("production JDBC URL").startsWith("jdbc:h2:file:").contains("${tingfeng.data-dir}");
        return url;
    }

    record Killed(Set<Long> printed, long runMs, String stderr) {
    }

    /** Starts the child, reads the ids it prints, SIGKILLs it; then reads what it had printed up to its death. */
    static Killed runAndKill(String url, Path stderrFile) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                H2KillDurabilityChild.class.getName(), url)
                .redirectError(ProcessBuilder.Redirect.to(stderrFile.toFile())).start();
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor();
        watchdog.schedule(() -> child.toHandle().destroyForcibly(), WATCHDOG_MS, TimeUnit.MILLISECONDS);
        Set<Long> printed = new HashSet<>();
        long first = 0;
        long killedAt = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                printed.add(Long.parseLong(line.trim()));
                long now = System.nanoTime();
                if (first == 0) {
                    first = now;
                }
                if (killedAt == 0 && printed.size() >= MIN_COMMITS && now - first >= KILL_AFTER_MS * 1_000_000) {
                    killedAt = now;
                    // SIGKILL. Through the handle: Process.destroyForcibly() would also close our end of the pipe, and the
                    // ids the child printed just before its death (committed, acknowledged) must still be read
                    child.toHandle().destroyForcibly();
                }
            }
        } finally {
            watchdog.shutdownNow();
            child.destroyForcibly();
        }
        assertThat(child.waitFor(20, TimeUnit.SECONDS)).as("child gone after SIGKILL").isTrue();
        String stderr = Files.readString(stderrFile, StandardCharsets.UTF_8).strip();
        assertThat(killedAt).as("the child was killed by the test, not dead by itself or by the watchdog (exit %d): %s",
                child.exitValue(), stderr).isNotZero();
        return new Killed(printed, (killedAt - first) / 1_000_000, stderr);
    }

    static Set<Long> ids(String url) throws SQLException {
        Set<Long> ids = new HashSet<>();
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select id from kill_probe")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }
}
