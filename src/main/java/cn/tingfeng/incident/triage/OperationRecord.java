package cn.tingfeng.incident.triage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An analyst's operation on an incident (merge, split, regrade, confirm, dismiss) with its reason. */
@Entity
@Table(name = "incident_operation")
public class OperationRecord {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String kind;

    @Column(name = "incident_id", nullable = false)
    public Long incidentId;

    /** Comma-separated: merged sources, or the incident split off. */
    @Column(name = "related_ids")
    public String relatedIds;

    @Column(name = "post_ids", length = 20_000)
    public String postIds;

    @Column(length = 4000)
    public String detail;

    @Column(nullable = false, length = 2000)
    public String reason;

    @Column(nullable = false)
    public String actor;

    @Column(name = "done_at", nullable = false)
    public Instant at;
}
