package cn.tingfeng.post;

import cn.tingfeng.source.Source;
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

/** One collected item (news article, social post, forum thread), unique by canonical URL. */
@Entity
@Table(name = "post")
public class Post {
    public static final String ACTIVE = "active";
    /** The page disappeared after collection (删帖): kept, never dropped. */
    public static final String DELETED = "deleted";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "source_id")
    public Source source;

    @Column(nullable = false)
    public String url;

    @Column(name = "canonical_url", nullable = false)
    public String canonicalUrl;

    /** SHA-256 (hex) of the canonical URL: the unique key. */
    @Column(name = "url_hash", nullable = false)
    public String urlHash;

    public String title;

    @Column(length = 1_000_000)
    public String body;

    public String author;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "fetched_at", nullable = false)
    public Instant fetchedAt;

    @Column(nullable = false)
    public String platform = "web";

    @Column(name = "content_hash")
    public String contentHash;

    @Column(nullable = false)
    public String status = ACTIVE;

    @Column(name = "version_no", nullable = false)
    public int versionNo = 1;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "deleted_at")
    public Instant deletedAt;

    public Integer likes;
    public Integer comments;
    public Integer shares;
    public Integer views;
}
