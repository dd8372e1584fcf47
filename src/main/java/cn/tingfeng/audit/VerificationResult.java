package cn.tingfeng.audit;

/**
 * Result of a verification: the API's {@code {"ok", "entries", "firstBroken"}} plus a reason.
 *
 * @param entries     rows examined
 * @param firstBroken the first sequence number that cannot be vouched for, or null when ok
 * @param reason      Chinese explanation, null when ok
 */
public record VerificationResult(boolean ok, long entries, Long firstBroken, String reason) {

    public static VerificationResult ok(long entries) {
        return new VerificationResult(true, entries, null, null);
    }

    public static VerificationResult broken(long entries, long firstBroken, String reason) {
        return new VerificationResult(false, entries, firstBroken, reason);
    }

    /** The combination of two checks: the earliest break wins. */
    public VerificationResult and(VerificationResult other) {
        if (ok && other.ok) return new VerificationResult(true, Math.max(entries, other.entries), null, null);
        if (ok) return other.withEntries(entries);
        if (other.ok || firstBroken <= other.firstBroken) return withEntries(other.entries);
        return other.withEntries(entries);
    }

    private VerificationResult withEntries(long n) {
        return new VerificationResult(ok, Math.max(entries, n), firstBroken, reason);
    }
}
