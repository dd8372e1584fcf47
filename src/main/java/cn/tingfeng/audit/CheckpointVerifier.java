package cn.tingfeng.audit;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the chain against signed checkpoints: each checkpoint's signature must verify with the
 * public key of its {@code keyId}, and the row at its seq must exist and carry its head hash. A chain
 * rewritten from seq s onward with fresh, self-consistent hashes passes {@link ChainVerifier} but
 * fails here at the first checkpoint at or after s; so does a chain truncated before a checkpoint.
 *
 * <p>{@code firstBroken} = (seq of the last checkpoint that still matches) + 1: everything up to a
 * matching checkpoint is vouched for by the chain hashes, nothing after it can be. Rows after the
 * newest checkpoint are protected by the chain alone (checkpoint often).
 */
public final class CheckpointVerifier {

    private final Map<String, PublicKey> keys;

    public CheckpointVerifier(Map<String, PublicKey> keysById) {
        this.keys = Map.copyOf(keysById);
    }

    public boolean signatureValid(Checkpoint cp) {
        PublicKey key = keys.get(cp.keyId());
        if (key == null || cp.signature() == null) return false;
        try {
            Signature s = Signature.getInstance(CheckpointSigner.ALGORITHM);
            s.initVerify(key);
            s.update(cp.signedBytes());
            return s.verify(Base64.getDecoder().decode(cp.signature()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    public VerificationResult verify(List<AuditEntry> rows, List<Checkpoint> checkpoints) {
        Map<Long, AuditEntry> bySeq = new HashMap<>(rows.size() * 2);
        for (AuditEntry e : rows) bySeq.putIfAbsent(e.seq(), e);
        List<Checkpoint> sorted = new ArrayList<>(checkpoints);
        sorted.sort(Comparator.comparingLong(Checkpoint::seq));
        long vouched = 0;
        for (Checkpoint cp : sorted) {
            if (!signatureValid(cp)) {
                return VerificationResult.broken(rows.size(), vouched + 1,
                        "检查点（序号 " + cp.seq() + "）签名无效或密钥未知：检查点文件被篡改或配置了错误的公钥");
            }
            AuditEntry e = bySeq.get(cp.seq());
            if (e == null) {
                return VerificationResult.broken(rows.size(), vouched + 1,
                        "已签名检查点的第 " + cp.seq() + " 条记录不存在：日志被截断或删除");
            }
            if (!cp.headHash().equals(e.hash())) {
                return VerificationResult.broken(rows.size(), vouched + 1,
                        "第 " + cp.seq() + " 条的哈希与已签名检查点不符：日志在第 " + (vouched + 1) + "–" + cp.seq() + " 条之间被改写");
            }
            vouched = cp.seq();
        }
        return VerificationResult.ok(rows.size());
    }

    /** Chain and checkpoints together: what {@code GET /api/audit/verify} returns. */
    public VerificationResult verifyAll(List<AuditEntry> rows, List<Checkpoint> checkpoints) {
        return ChainVerifier.verify(rows).and(verify(rows, checkpoints));
    }
}
