package cn.tingfeng.watch.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A monitoring plan (监测方案): name, owner, scope and the number of its current rule version. */
@Entity
@Table(name = "monitoring_plan")
public class MonitoringPlan {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String owner;

    /** Comma-separated source keys; null or empty: every source. */
    @Column(name = "scope_sources")
    public String scopeSources;

    /** Comma-separated platforms; null or empty: every platform. */
    @Column(name = "scope_platforms")
    public String scopePlatforms;

    public boolean enabled = true;

    @Column(name = "current_version", nullable = false)
    public int currentVersion;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
