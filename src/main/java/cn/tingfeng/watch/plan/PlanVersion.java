package cn.tingfeng.watch.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One version of a plan's rule; never changed once written. */
@Entity
@Table(name = "plan_version")
public class PlanVersion {
    public static final String EXPRESSION = "expression";
    public static final String SLOTS = "slots";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "plan_id", nullable = false)
    public Long planId;

    @Column(name = "version_no", nullable = false)
    public int versionNo;

    @Column(name = "rule_kind", nullable = false)
    public String ruleKind;

    @Column(name = "rule_text", nullable = false, length = 20_000)
    public String ruleText;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
