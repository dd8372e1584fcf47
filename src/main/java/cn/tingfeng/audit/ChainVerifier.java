package cn.tingfeng.audit;

import java.util.List;

/**
 * Recomputes the chain over rows read in {@code ORDER BY seq}. Incremental ({@link #accept}) so a
 * service can stream millions of rows; {@link #verify(List)} for a list.
 *
 * <p>{@code firstBroken} is the smallest sequence number {@code s} such that rows 1..s-1 are intact
 * and row s is missing, duplicated, out of place, or fails its link or its hash:
 * <ul>
 *   <li>a row modified in place (hash left alone): its own seq (hash mismatch);</li>
 *   <li>a row modified and re-hashed: the next seq (its link {@code prevHash} no longer matches);</li>
 *   <li>a row deleted: its seq (the sequence has a gap there);</li>
 *   <li>a row inserted with a duplicate or renumbered seq: the seq where it sits;</li>
 *   <li>rows reordered: the first position whose seq or content is not the expected one.</li>
 * </ul>
 * A chain truncated at its end, or rewritten entirely with valid hashes, verifies here: the signed
 * checkpoints ({@link CheckpointVerifier}) catch those.
 */
public final class ChainVerifier {

    private long expectedSeq;
    private String prevHash;
    private long count;
    private VerificationResult failure;

    /** Verifies a whole chain from seq 1 (genesis). */
    public ChainVerifier() {
        this(1, HashChain.GENESIS);
    }

    /** Verifies a tail that starts at {@code firstSeq}, linked to a trusted {@code prevHash} (a checkpoint). */
    public ChainVerifier(long firstSeq, String prevHash) {
        this.expectedSeq = firstSeq;
        this.prevHash = prevHash;
    }

    public static VerificationResult verify(List<AuditEntry> rows) {
        ChainVerifier v = new ChainVerifier();
        for (AuditEntry e : rows) {
            if (!v.accept(e)) break;
        }
        return v.result();
    }

    /** Feeds the next row; false once the chain is broken (further rows are not needed). */
    public boolean accept(AuditEntry e) {
        if (failure != null) return false;
        count++;
        if (e.seq() != expectedSeq) {
            String why = e.seq() > expectedSeq ? "序号 " + expectedSeq + " 缺失（下一条为 " + e.seq() + "）"
                    : "序号 " + e.seq() + " 出现在应为 " + expectedSeq + " 的位置（重复、插入或顺序被调换）";
            failure = VerificationResult.broken(count, expectedSeq, why);
            return false;
        }
        if (!prevHash.equals(e.prevHash())) {
            failure = VerificationResult.broken(count, e.seq(), "第 " + e.seq() + " 条的前序哈希与上一条不符（上一条被改写或插入/删除了记录）");
            return false;
        }
        String computed;
        try {
            computed = HashChain.hashOf(e.prevHash(), e);
        } catch (IllegalArgumentException ex) {
            failure = VerificationResult.broken(count, e.seq(), "第 " + e.seq() + " 条内容无法规范化: " + ex.getMessage());
            return false;
        }
        if (!computed.equals(e.hash())) {
            failure = VerificationResult.broken(count, e.seq(), "第 " + e.seq() + " 条内容与其哈希不符（记录被修改）");
            return false;
        }
        prevHash = e.hash();
        expectedSeq++;
        return true;
    }

    public VerificationResult result() {
        return failure != null ? failure : VerificationResult.ok(count);
    }

    /** Hash of the last verified row (the head), or the starting prevHash if none. */
    public String headHash() {
        return prevHash;
    }
}
