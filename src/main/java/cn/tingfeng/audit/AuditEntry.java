package cn.tingfeng.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of the tamper-evident log.
 *
 * @param seq         gapless sequence, 1 for the first entry
 * @param at          when it happened (microsecond precision)
 * @param actor       user name or {@code system}
 * @param action      e.g. {@code assignment.created}, {@code supervision.urge}
 * @param subjectType e.g. {@code assignment}
 * @param subjectId   e.g. {@code 42}
 * @param payload     the facts recorded (canonical-JSON-able values only)
 * @param prevHash    hash of entry {@code seq - 1} ({@link HashChain#GENESIS} for seq 1)
 * @param hash        SHA-256 hex of {@code prevHash + canonicalJson(body)}
 */
public record AuditEntry(long seq, Instant at, String actor, String action, String subjectType, String subjectId,
                         Map<String, Object> payload, String prevHash, String hash) {

    /** The hashed body: every field except the two hashes (prevHash enters as the prefix). */
    public Map<String, Object> body() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", seq);
        m.put("at", at);
        m.put("actor", actor);
        m.put("action", action);
        m.put("subjectType", subjectType);
        m.put("subjectId", subjectId);
        m.put("payload", payload);
        return m;
    }

    public String canonicalBody() {
        return CanonicalJson.write(body());
    }
}
