package cn.tingfeng.jurisdiction.proposal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The classifier's proposed assignment of an incident, as made when the incident was created. Never changed. */
@Entity
@Table(name = "incident_proposal")
public class IncidentProposal {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "incident_id", nullable = false)
    public Long incidentId;

    /** county | city | none */
    @Column(nullable = false)
    public String level;

    public String territory;

    @Column(name = "territory_id")
    public Long territoryId;

    @Column(name = "lead_category")
    public String leadCategory;

    @Column(name = "lead_unit")
    public String leadUnit;

    @Column(name = "lead_unit_id")
    public Long leadUnitId;

    @Column(name = "co_json", nullable = false, length = 4000)
    public String coJson;

    public String grade;

    @Column(nullable = false)
    public double confidence;

    @Column(name = "rationale_json", nullable = false, length = 20_000)
    public String rationaleJson;

    @Column(nullable = false)
    public String flags;

    @Column(name = "classifier_version", nullable = false)
    public String classifierVersion;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
