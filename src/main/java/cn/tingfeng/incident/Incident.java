package cn.tingfeng.incident;

import cn.tingfeng.post.Post;
import cn.tingfeng.shared.Grade;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/** A happening the public talks about: posts grouped together, graded, assigned and tracked. */
@Entity
@Table(name = "incident")
public class Incident {
    public static final String NEW = "new";
    public static final String CONFIRMED = "confirmed";
    public static final String DISMISSED = "dismissed";
    public static final String ASSIGNED = "assigned";
    public static final String CLOSED = "closed";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String title;

    @Column(length = 10_000)
    public String summary;

    @Enumerated(EnumType.STRING)
    public Grade grade;

    /** Art. 18 category code. */
    public String category;

    @Column(nullable = false)
    public String status = NEW;

    /** When the happening started: the earliest publication, adjustable by an analyst. SLA clocks start here. */
    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "first_seen_at")
    public Instant firstSeenAt;

    /** The territory (a {@code jurisdiction} Territory) the incident happened in, by id; null when not known. */
    @Column(name = "territory_id")
    public Long territoryId;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public int version;

    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "incident_post", joinColumns = @JoinColumn(name = "incident_id"),
            inverseJoinColumns = @JoinColumn(name = "post_id"))
    public Set<Post> posts = new LinkedHashSet<>();
}
