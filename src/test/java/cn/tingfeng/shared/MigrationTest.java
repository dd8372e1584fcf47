package cn.tingfeng.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;

/**
 * The same migration set applies on whichever database the tests run against (H2 by default; CI reruns
 * the suite on PostgreSQL): every file in db/migration is applied successfully, none pending or failed.
 */
@QuarkusTest
class MigrationTest {
    @Inject
    Flyway flyway;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void everyMigrationFileIsAppliedSuccessfully() throws IOException {
        List<String> files;
        try (Stream<Path> s = Files.list(Path.of("src/main/resources/db/migration"))) {
            files = s.map(p -> p.getFileName().toString()).filter(n -> n.matches("V[0-9_]+__.+\\.sql")).sorted().toList();
        }
        MigrationInfo[] applied = flyway.info().applied();
        List<String> appliedScripts = new ArrayList<>();
        for (MigrationInfo info : applied) {
            if (info.getVersion() != null) {
                assertThat(info.getState()).as(info.getScript()).isEqualTo(MigrationState.SUCCESS);
                if (info.getScript().endsWith(".sql")) { // Java migrations (db.migration) have no file
                    appliedScripts.add(Path.of(info.getScript()).getFileName().toString());
                }
            }
        }
        assertThat(appliedScripts).containsExactlyInAnyOrderElementsOf(files);
        assertThat(flyway.info().pending()).isEmpty();
    }

    @Test
    void coreTablesExist() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            for (String table : List.of("territory", "unit", "app_user", "app_user_role", "source", "post", "incident",
                    "incident_post", "assignment")) {
                try (ResultSet rs = c.createStatement().executeQuery("select count(*) from " + table)) {
                    assertThat(rs.next()).as(table).isTrue();
                }
            }
        }
    }
}
