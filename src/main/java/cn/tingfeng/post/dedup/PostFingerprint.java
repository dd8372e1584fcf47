package cn.tingfeng.post.dedup;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The MinHash signature of a processed post and, for a duplicate, the earlier post it repeats. */
@Entity
@Table(name = "post_fingerprint")
public class PostFingerprint {
    public static final String SAME_CONTENT = "same_content";
    public static final String NEAR_DUPLICATE = "near_duplicate";

    @Id
    @Column(name = "post_id")
    public Long postId;

    /** Base64 of the 128 minimums (big-endian ints). */
    @Column(nullable = false)
    public String minhash;

    @Column(nullable = false)
    public int shingles;

    @Column(name = "duplicate_of")
    public Long duplicateOf;

    @Column(name = "duplicate_kind")
    public String duplicateKind;

    public Double similarity;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The pipeline generation that wrote it (other nodes catch up by it). */
    @Column(nullable = false)
    public long generation;
}
