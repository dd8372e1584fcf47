package cn.tingfeng.tracking;

import cn.tingfeng.incident.Incident;
import cn.tingfeng.jurisdiction.Unit;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** An incident given to a unit (交办), as lead or co-responder. */
@Entity
@Table(name = "assignment")
public class Assignment {
    public static final String LEAD = "lead";
    public static final String CO = "co";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "incident_id")
    public Incident incident;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "unit_id")
    public Unit unit;

    /** lead | co */
    @Column(nullable = false)
    public String role;

    @Column(nullable = false)
    public String status = "assigned";

    @Column(name = "assigned_by")
    public String assignedBy;

    @Column(name = "assigned_at", nullable = false)
    public Instant assignedAt;

    /** Id of the SLA policy version frozen when the clocks started ({@link cn.tingfeng.tracking.sla.PolicySnapshot#versionId()}). */
    @Column(name = "policy_version")
    public String policyVersion;

    /** The frozen {@link cn.tingfeng.tracking.sla.PolicySnapshot} as JSON: a later policy edit never rewrites it. */
    @Column(name = "policy_snapshot", length = 20_000)
    public String policySnapshot;

    @Version
    public int version;
}
