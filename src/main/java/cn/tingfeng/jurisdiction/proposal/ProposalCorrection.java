package cn.tingfeng.jurisdiction.proposal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An analyst's change of a proposed assignment: who, when, why, the assignment before and after. */
@Entity
@Table(name = "proposal_correction")
public class ProposalCorrection {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "proposal_id", nullable = false)
    public Long proposalId;

    @Column(name = "incident_id", nullable = false)
    public Long incidentId;

    @Column(name = "corrected_by", nullable = false)
    public String correctedBy;

    @Column(name = "corrected_at", nullable = false)
    public Instant correctedAt;

    @Column(nullable = false, length = 2000)
    public String reason;

    @Column(name = "before_json", nullable = false, length = 4000)
    public String beforeJson;

    @Column(name = "after_json", nullable = false, length = 4000)
    public String afterJson;

    @Column(name = "after_level", nullable = false)
    public String afterLevel;

    @Column(name = "after_territory")
    public String afterTerritory;

    @Column(name = "after_lead_category")
    public String afterLeadCategory;

    @Column(name = "after_lead_unit_id")
    public Long afterLeadUnitId;
}
