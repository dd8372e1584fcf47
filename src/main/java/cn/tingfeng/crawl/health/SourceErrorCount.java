package cn.tingfeng.crawl.health;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** How often one kind of error (a fetch outcome, PARSE_ERROR, CONFIGURATION, INTERNAL) hit one source. */
@Entity
@Table(name = "source_error_count")
public class SourceErrorCount {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "source_id", nullable = false)
    public Long sourceId;

    @Column(nullable = false)
    public String kind;

    @Column(name = "error_count", nullable = false)
    public long count;

    @Column(name = "last_message")
    public String lastMessage;

    @Column(name = "last_at")
    public Instant lastAt;
}
