package cn.tingfeng.source;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A place posts come from: one definition file in crawlers/, an import drop folder or the API. */
@Entity
@Table(name = "source")
public class Source {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The definition's id (file name without extension). */
    @Column(name = "source_key", nullable = false)
    public String key;

    @Column(nullable = false)
    public String name;

    /** rss | html | sitemap | json | import | api */
    @Column(nullable = false)
    public String type;

    public String url;

    @Column(nullable = false)
    public String platform = "web";

    @Column(nullable = false)
    public boolean enabled = true;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
