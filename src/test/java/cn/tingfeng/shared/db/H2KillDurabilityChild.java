package cn.tingfeng.shared.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;

/**
 * The child process of {@link H2KillDurabilityTest}: opens the JDBC URL given as the only argument, creates a table,
 * then inserts and commits one row at a time as fast as it can and prints each id once its commit has returned (one
 * line, flushed), until it is killed. A printed id is an acknowledged write: the parent checks it survived the kill.
 */
public final class H2KillDurabilityChild {
    private H2KillDurabilityChild() {
    }

    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection(args[0], "sa", "")) {
            try (Statement s = c.createStatement()) {
                s.execute("create table kill_probe (id bigint primary key, payload varchar(200) not null)");
            }
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("insert into kill_probe (id, payload) values (?, ?)")) {
                for (long id = 1; ; id++) {
                    insert.setLong(1, id);
                    insert.setString(2, "committed row " + id + " of a process about to be killed with SIGKILL");
                    insert.executeUpdate();
                    c.commit();
                    System.out.println(id);
                    System.out.flush();  // in the pipe (the kernel's) before the next row: survives the child's kill
                }
            }
        }
    }
}
