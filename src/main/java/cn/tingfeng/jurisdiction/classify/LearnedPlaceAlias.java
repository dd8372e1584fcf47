package cn.tingfeng.jurisdiction.classify;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A place name taught by territory corrections: {@code name} (an estate, village, road …) is proposed as an alias of
 * the county-level unit {@code territory}; the gazetteer resolves it only once an administrator approved it.
 */
@Entity
@Table(name = "place_alias")
public class LearnedPlaceAlias {
    public static final String PROPOSED = "proposed";
    public static final String APPROVED = "approved";
    public static final String REJECTED = "rejected";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String jurisdiction;

    @Column(nullable = false)
    public String territory;

    /** Distinct incidents whose territory correction supports the alias. */
    @Column(nullable = false)
    public int evidence;

    @Column(nullable = false)
    public String status = PROPOSED;

    @Column(name = "reviewed_by")
    public String reviewedBy;

    @Column(name = "reviewed_at")
    public Instant reviewedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
