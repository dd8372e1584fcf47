package cn.tingfeng.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A stored row of the hash-chained log (append-only: a database trigger rejects UPDATE and DELETE). */
@Entity
@Table(name = "audit_log")
public class AuditRecord {
    @Id
    public Long seq;

    @Column(nullable = false)
    public Instant at;

    @Column(nullable = false)
    public String actor;

    @Column(nullable = false)
    public String action;

    @Column(name = "subject_type", nullable = false)
    public String subjectType;

    @Column(name = "subject_id", nullable = false)
    public String subjectId;

    /** Canonical JSON of the payload. */
    @Column(nullable = false, length = 100_000)
    public String payload;

    @Column(name = "prev_hash", nullable = false)
    public String prevHash;

    @Column(nullable = false)
    public String hash;
}
