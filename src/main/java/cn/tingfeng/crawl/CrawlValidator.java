package cn.tingfeng.crawl;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** ETag and Last-Modified of one page of one source, sent back on the next fetch (conditional GET). */
@Entity
@Table(name = "crawl_validator")
public class CrawlValidator {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "source_id", nullable = false)
    public Long sourceId;

    /** SHA-256 of the canonical URL. */
    @Column(name = "url_hash", nullable = false)
    public String urlHash;

    @Column(nullable = false)
    public String url;

    public String etag;

    @Column(name = "last_modified")
    public String lastModified;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
