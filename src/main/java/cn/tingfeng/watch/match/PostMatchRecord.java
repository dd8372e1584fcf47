package cn.tingfeng.watch.match;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A post matched by a plan version, with the evidence (terms, fields, positions) as JSON. */
@Entity
@Table(name = "post_match")
public class PostMatchRecord {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "post_match_seq")
    @jakarta.persistence.SequenceGenerator(name = "post_match_seq", sequenceName = "post_match_seq", allocationSize = 50)
    public Long id;

    @Column(name = "post_id", nullable = false)
    public Long postId;

    @Column(name = "plan_id", nullable = false)
    public Long planId;

    @Column(name = "plan_version", nullable = false)
    public int planVersion;

    @Column(nullable = false, length = 20_000)
    public String evidence;

    @Column(name = "matched_at", nullable = false)
    public Instant matchedAt;
}
