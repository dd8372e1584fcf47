package cn.tingfeng.incident.triage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** What triage keeps beside an incident: the assessment not held by {@code Incident}, spread counts, rising, locks. */
@Entity
@Table(name = "incident_triage")
public class IncidentTriage {
    /** Status of an incident merged into another (see {@link #mergedInto}). */
    public static final String MERGED = "merged";

    @Id
    @Column(name = "incident_id")
    public Long incidentId;

    /** negative | neutral | positive */
    public String sentiment;

    @Column(name = "sentiment_score")
    public Double sentimentScore;

    @Column(name = "grade_reason", length = 4000)
    public String gradeReason;

    /** An analyst set the grade: the automatic grading no longer changes it. */
    @Column(name = "grade_locked", nullable = false)
    public boolean gradeLocked;

    @Column(nullable = false)
    public boolean rising;

    @Column(name = "rising_since")
    public Instant risingSince;

    @Column(name = "post_count", nullable = false)
    public int postCount;

    @Column(name = "repost_count", nullable = false)
    public int repostCount;

    @Column(name = "source_count", nullable = false)
    public int sourceCount;

    @Column(name = "platform_count", nullable = false)
    public int platformCount;

    @Column(name = "last_post_at")
    public Instant lastPostAt;

    @Column(name = "merged_into")
    public Long mergedInto;

    /** Why it was confirmed or dismissed. */
    /** The most severe casualty grade read from the incident's posts so far (updated as posts join). */
    @Column(name = "casualty_grade")
    public String casualtyGrade;

    /** Its reason; "" once the posts were read and none gave a casualty figure; null: not read yet. */
    @Column(name = "casualty_reason", length = 1000)
    public String casualtyReason;

    @Column(name = "status_reason", length = 2000)
    public String statusReason;
}
