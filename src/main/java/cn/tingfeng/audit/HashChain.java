package cn.tingfeng.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

/** Building entries of the chain: {@code hash = SHA-256(prevHash + canonicalJson(body incl. seq))}, lowercase hex. */
public final class HashChain {

    /** The {@code prevHash} of entry 1. */
    public static final String GENESIS = "0".repeat(64);

    private HashChain() {
    }

    /**
     * The next entry after {@code previous} (null for the first). The time is truncated to microseconds
     * so the row reads back from the database exactly as it was hashed.
     */
    public static AuditEntry append(AuditEntry previous, Instant at, String actor, String action,
                                    String subjectType, String subjectId, Map<String, Object> payload) {
        long seq = previous == null ? 1 : previous.seq() + 1;
        String prev = previous == null ? GENESIS : previous.hash();
        AuditEntry draft = new AuditEntry(seq, CanonicalJson.micros(at), actor, action, subjectType, subjectId,
                payload == null ? Map.of() : payload, prev, null);
        return withHash(draft);
    }

    public static AuditEntry withHash(AuditEntry e) {
        return new AuditEntry(e.seq(), e.at(), e.actor(), e.action(), e.subjectType(), e.subjectId(), e.payload(),
                e.prevHash(), hashOf(e.prevHash(), e));
    }

    public static String hashOf(String prevHash, AuditEntry e) {
        return sha256Hex((prevHash == null ? "" : prevHash) + e.canonicalBody());
    }

    public static String sha256Hex(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
