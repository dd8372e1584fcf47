package cn.tingfeng.audit;

import static cn.tingfeng.tracking.TrackingApi.as;
import static cn.tingfeng.tracking.TrackingApi.assign;
import static cn.tingfeng.tracking.TrackingApi.createIncident;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tingfeng.testsupport.MutableClock;
import cn.tingfeng.testsupport.TestAccounts;
import db.migration.V6_1__AuditAppendOnly;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tampering with audit_log rows directly in the database (trigger dropped or disabled first, as an insider with
 * owner rights could): each kind is detected by GET /api/audit/verify at the right sequence; a whole rewritten
 * chain is caught by the signed checkpoints. Every test restores the original rows.
 */
@QuarkusTest
class AuditTamperTest {
    @Inject
    AgroalDataSource ds;
    @Inject
    AuditLog log;
    @Inject
    CheckpointStore checkpoints;
    @Inject
    MutableClock clock;
    @Inject
    TestAccounts accounts;

    List<AuditEntry> original;

    @BeforeEach
    void someHistoryAndACheckpoint() {
        for (int k = 0; k < 3; k++) {
            long i = createIncident("审计测试 " + k + " " + System.nanoTime(), "III", Instant.now().minusSeconds(3600));
            assign(i, accounts.unitId(), "lead");
        }
        as("t-admin").post("/api/audit/checkpoints").then().statusCode(200);
        for (int k = 0; k < 3; k++) { // six rows after the newest checkpoint: tampering there is for the chain to catch
            long i = createIncident("检查点之后 " + k + " " + System.nanoTime(), "IV", Instant.now().minusSeconds(60));
            assign(i, accounts.unitId(), "lead");
        }
        original = log.readAll();
        assertThat(verify().getBoolean("ok")).isTrue();
    }

    @AfterEach
    void restore() throws SQLException {
        clock.reset();
        withoutTrigger(c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("delete from audit_log");
            }
            for (AuditEntry e : original) insert(c, e);
        });
        assertThat(verify().getBoolean("ok")).as("restored").isTrue();
    }

    static JsonPath verify() {
        return as("t-supervisor").get("/api/audit/verify").then().statusCode(200).extract().jsonPath();
    }

    long head() {
        return original.get(original.size() - 1).seq();
    }

    @Test
    void theDatabaseRejectsUpdateAndDelete() throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("update audit_log set actor = 'x' where seq = 1")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("delete from audit_log where seq = 1")).isInstanceOf(SQLException.class);
        }
    }

    @Test
    void aModifiedRowIsDetectedAtItsSeq() throws SQLException {
        long k = head() - 2;
        exec("update audit_log set actor = 'intruder' where seq = " + k);
        JsonPath r = verify();
        assertThat(r.getBoolean("ok")).isFalse();
        assertThat(r.getLong("firstBroken")).isEqualTo(k);
        assertThat(r.getString("reason")).contains("被修改");
    }

    @Test
    void aDeletedRowIsDetectedAtItsSeq() throws SQLException {
        long k = head() - 3;
        exec("delete from audit_log where seq = " + k);
        assertThat(verify().getLong("firstBroken")).isEqualTo(k);
    }

    @Test
    void anInsertedRowIsDetectedWhereTheChainNoLongerLinks() throws SQLException {
        long k = head() - 2; // shift k.. up by one and slip a forged, well-hashed row in at k
        withoutTrigger(c -> {
            for (long s = head(); s >= k; s--) {
                try (Statement st = c.createStatement()) {
                    st.executeUpdate("update audit_log set seq = " + (s + 1) + " where seq = " + s);
                }
            }
            AuditEntry prev = original.stream().filter(e -> e.seq() == k - 1).findFirst().orElseThrow();
            insert(c, HashChain.append(prev, Instant.now(), "t-analyst", "assignment.closed", "assignment", "1", Map.of()));
        });
        // the forged row itself links to k-1 and hashes correctly; the next row (the original k) no longer links
        assertThat(verify().getLong("firstBroken")).isEqualTo(k + 1);
    }

    @Test
    void reorderedRowsAreDetectedAtTheFirstPositionOutOfPlace() throws SQLException {
        long k = head() - 3;
        withoutTrigger(c -> {
            try (Statement st = c.createStatement()) {
                st.executeUpdate("update audit_log set seq = -1 where seq = " + k);
                st.executeUpdate("update audit_log set seq = " + k + " where seq = " + (k + 1));
                st.executeUpdate("update audit_log set seq = " + (k + 1) + " where seq = -1");
            }
        });
        assertThat(verify().getLong("firstBroken")).isEqualTo(k);
    }

    @Test
    void aRewrittenChainPassesTheHashesButNotTheSignedCheckpoints() throws SQLException {
        List<Checkpoint> cps = checkpoints.readAll();
        long signed = cps.stream().mapToLong(Checkpoint::seq).max().orElseThrow();
        long k = signed - 1; // rewrite from just before the newest checkpoint to the end, re-linking every hash
        long vouched = cps.stream().mapToLong(Checkpoint::seq).filter(s -> s < k).max().orElse(0);
        List<AuditEntry> forged = new ArrayList<>();
        AuditEntry prev = null;
        for (AuditEntry e : original) {
            AuditEntry next = e;
            if (e.seq() >= k) {
                String actor = e.seq() == k ? "someone-else" : e.actor();
                next = HashChain.withHash(new AuditEntry(e.seq(), e.at(), actor, e.action(), e.subjectType(), e.subjectId(),
                        e.payload(), prev.hash(), null));
            }
            forged.add(next);
            prev = next;
        }
        assertThat(ChainVerifier.verify(forged).ok()).isTrue();
        withoutTrigger(c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("delete from audit_log where seq >= " + k);
            }
            for (AuditEntry e : forged) if (e.seq() >= k) insert(c, e);
        });
        JsonPath r = verify();
        assertThat(r.getBoolean("ok")).isFalse();
        assertThat(r.getLong("firstBroken")).isEqualTo(vouched + 1);
        assertThat(r.getString("reason")).contains("检查点");
    }

    // ------------------------------------------------------------------ direct database access

    interface Work {
        void run(Connection c) throws SQLException;
    }

    void exec(String sql) throws SQLException {
        withoutTrigger(c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate(sql);
            }
        });
    }

    void withoutTrigger(Work work) throws SQLException {
        try (Connection c = ds.getConnection()) {
            boolean pg = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
            try (Statement s = c.createStatement()) {
                s.execute(pg ? "alter table audit_log disable trigger audit_log_append_only" : "drop trigger audit_log_append_only");
            }
            try {
                work.run(c);
            } finally {
                try (Statement s = c.createStatement()) {
                    s.execute(pg ? "alter table audit_log enable trigger audit_log_append_only" : V6_1__AuditAppendOnly.H2_TRIGGER_SQL);
                }
            }
        }
    }

    static void insert(Connection c, AuditEntry e) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("insert into audit_log (seq, at, actor, action, subject_type, subject_id, "
                + "payload, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            p.setLong(1, e.seq());
            p.setObject(2, OffsetDateTime.ofInstant(e.at(), ZoneOffset.UTC));
            p.setString(3, e.actor());
            p.setString(4, e.action());
            p.setString(5, e.subjectType());
            p.setString(6, e.subjectId());
            p.setString(7, CanonicalJson.write(e.payload()));
            p.setString(8, e.prevHash());
            p.setString(9, e.hash());
            p.executeUpdate();
        }
    }
}
