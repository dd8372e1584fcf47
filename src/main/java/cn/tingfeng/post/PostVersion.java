package cn.tingfeng.post;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** What a post said before it changed. */
@Entity
@Table(name = "post_version")
public class PostVersion {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "post_id")
    public Post post;

    @Column(name = "version_no", nullable = false)
    public int versionNo;

    public String title;

    @Column(length = 1_000_000)
    public String body;

    public String author;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "content_hash")
    public String contentHash;

    @Column(name = "fetched_at", nullable = false)
    public Instant fetchedAt;

    @Column(name = "replaced_at", nullable = false)
    public Instant replacedAt;
}
