package cn.tingfeng.jurisdiction.classify;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A term that misled the classifier: corrections moved incidents containing it from {@code fromCategory} to
 * {@code toCategory}. Shown to an administrator; applied (to +delta, from −delta) only once approved. A word the
 * lexicon did not know at all has {@code fromCategory} {@link #NEW_TERM} and only adds to {@code toCategory}.
 */
@Entity
@Table(name = "learned_weight")
public class LearnedWeight {
    public static final String PENDING = "pending";
    public static final String APPROVED = "approved";
    public static final String REJECTED = "rejected";
    /** {@code fromCategory} of a word the lexicon did not know: approving it only adds it to {@code toCategory}. */
    public static final String NEW_TERM = "(new)";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String term;

    @Column(name = "from_category", nullable = false)
    public String fromCategory;

    @Column(name = "to_category", nullable = false)
    public String toCategory;

    /** Distinct incidents whose correction supports the move. */
    @Column(nullable = false)
    public int evidence;

    @Column(nullable = false)
    public String status = PENDING;

    /** The weight moved while approved (fixed at approval). */
    @Column(name = "applied_delta")
    public Double appliedDelta;

    @Column(name = "reviewed_by")
    public String reviewedBy;

    @Column(name = "reviewed_at")
    public Instant reviewedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
