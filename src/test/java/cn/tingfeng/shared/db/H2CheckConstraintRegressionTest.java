package cn.tingfeng.shared.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * H2 2.4.240 broke a CHECK constraint once the connection that created it was closed ("Check constraint invalid …
 * The database has been closed"): the connection pool retires Flyway's connection and, minutes later, every write
 * to a table with {@code CHECK (… IN (…))} failed. The schema is created on one connection of a file database, that
 * connection closed, and writes go through another, exactly as Flyway and the pool do it.
 */
class H2CheckConstraintRegressionTest {
    @TempDir
    Path dir;

    @Test
    void checkConstraintsStillWorkAfterTheCreatingConnectionIsClosed() throws SQLException {
        String url = "jdbc:h2:file:" + dir.resolve("db") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        try (Connection keepOpen = DriverManager.getConnection(url, "sa", "")) {
            try (Connection flyway = DriverManager.getConnection(url, "sa", ""); Statement s = flyway.createStatement()) {
                s.execute("create table incident (id bigint primary key, status varchar(20) not null"
                        + " check (status in ('new', 'confirmed', 'closed')))");
                s.execute("insert into incident values (1, 'new')");
            }
            // the creating connection is gone: writes on another one must keep working, and the constraint too
            try (Connection pool = DriverManager.getConnection(url, "sa", ""); Statement s = pool.createStatement()) {
                s.execute("insert into incident values (2, 'confirmed')");
                s.execute("update incident set status = 'closed' where id = 1");
                assertThatThrownBy(() -> s.execute("insert into incident values (3, 'bogus')"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("CONSTRAINT");
                try (ResultSet rs = s.executeQuery("select count(*) from incident")) {
                    rs.next();
                    assertThat(rs.getInt(1)).isEqualTo(2);
                }
            }
            try (Statement s = keepOpen.createStatement()) {
                s.execute("insert into incident values (4, 'new')");
            }
        }
    }
}
