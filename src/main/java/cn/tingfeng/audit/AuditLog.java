package cn.tingfeng.audit;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Appends to the hash-chained log inside the caller's transaction (so the log and the fact it records commit or
 * roll back together), and reads the chain back for verification. Appends lock the head row: call
 * {@link #append} as the LAST database step of a transaction, so the lock is held briefly and always after the
 * caller's own row locks (a consistent lock order, no deadlocks).
 */
@ApplicationScoped
public class AuditLog {
    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    AgroalDataSource dataSource;

    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEntry append(String actor, String action, String subjectType, Object subjectId, Map<String, Object> payload) {
        AuditHead head = em.find(AuditHead.class, 1, LockModeType.PESSIMISTIC_WRITE);
        AuditEntry previous = head.seq == 0 ? null : new AuditEntry(head.seq, null, null, null, null, null, null, null, head.hash);
        AuditEntry e = HashChain.append(previous, clock.instant(), actor == null ? "system" : actor, action, subjectType,
                String.valueOf(subjectId), normalize(payload));
        AuditRecord r = new AuditRecord();
        r.seq = e.seq();
        r.at = e.at();
        r.actor = e.actor();
        r.action = e.action();
        r.subjectType = e.subjectType();
        r.subjectId = e.subjectId();
        r.payload = CanonicalJson.write(e.payload());
        r.prevHash = e.prevHash();
        r.hash = e.hash();
        em.persist(r);
        head.seq = e.seq();
        head.hash = e.hash();
        return e;
    }

    /** Every row in {@code seq} order, as stored (no trust in the head row). */
    public List<AuditEntry> readAll() {
        List<AuditEntry> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select seq, at, actor, action, subject_type, subject_id, payload, prev_hash, hash "
                     + "from audit_log order by seq")) {
            while (rs.next()) {
                out.add(new AuditEntry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), parse(rs.getString(7)), rs.getString(8),
                        rs.getString(9)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("无法读取审计日志", e);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> parse(String json) {
        try {
            Object v = JSON.readValue(json, Object.class);
            return v instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of("_value", String.valueOf(v));
        } catch (IOException e) {
            return Map.of("_unparseable", json); // hashes differently: reported as modified
        }
    }

    /** Instants truncated to microseconds (the precision kept), nested maps and lists copied. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> normalize(Map<String, Object> payload) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (payload != null) payload.forEach((k, v) -> out.put(k, normalizeValue(v)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object normalizeValue(Object v) {
        if (v instanceof Instant t) return CanonicalJson.micros(t);
        if (v instanceof Map<?, ?> m) return normalize((Map<String, Object>) m);
        if (v instanceof List<?> l) return l.stream().map(AuditLog::normalizeValue).toList();
        return v;
    }
}
