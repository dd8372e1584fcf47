package cn.tingfeng.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A signed statement "at {@code at}, entry {@code seq} of the log had hash {@code headHash}", written
 * outside the database (file, object store, or mailed to the supervision office).
 *
 * @param keyId     which key signed it (keys rotate)
 * @param signature base64 Ed25519 signature of {@link #signedBytes()}
 */
public record Checkpoint(long seq, String headHash, Instant at, String keyId, String signature) {

    static final String DOMAIN = "tingfeng-audit-checkpoint-v1\n";

    /** What is signed: a domain prefix and the canonical JSON of seq, headHash, at and keyId. */
    public byte[] signedBytes() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", seq);
        m.put("headHash", headHash);
        m.put("at", at);
        m.put("keyId", keyId);
        return (DOMAIN + CanonicalJson.write(m)).getBytes(StandardCharsets.UTF_8);
    }

    /** One line of the checkpoint file (JSON). */
    public String toJsonLine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", seq);
        m.put("headHash", headHash);
        m.put("at", at);
        m.put("keyId", keyId);
        m.put("signature", signature);
        return CanonicalJson.write(m);
    }
}
