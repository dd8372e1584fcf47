package cn.tingfeng.notify.alert;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An alert in the analyst queue (table {@code alert}); unique by its key, so it is raised once. */
@Entity
@Table(name = "alert")
public class QueuedAlert {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** {@link cn.tingfeng.notify.Alert.Kind} name. */
    @Column(nullable = false)
    public String kind;

    @Column(name = "incident_id")
    public Long incidentId;

    @Column(nullable = false, length = 1000)
    public String title;

    public String grade;

    public String category;

    @Column(length = 10_000)
    public String summary;

    public String episode;

    @Column(name = "alert_key", nullable = false)
    public String alertKey;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "acked_by")
    public String ackedBy;

    @Column(name = "acked_at")
    public Instant ackedAt;
}
