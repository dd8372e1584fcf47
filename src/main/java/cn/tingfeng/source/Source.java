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

    /** The definition's schedule as written (interval such as 15m, or a Quartz cron expression). */
    public String schedule;

    /** "all" or the monitoring plans, comma separated. */
    public String keywords;

    /** File name in the crawlers/ folder this row mirrors; null for sources not defined by a file. */
    @Column(name = "definition_file")
    public String definitionFile;

    /** SHA-256 of the definition file's bytes. */
    @Column(name = "definition_hash")
    public String definitionHash;

    /** {@link #VALID}, {@link #INVALID} (the file has errors) or {@link #MISSING} (the file was removed). */
    @Column(name = "definition_state", nullable = false)
    public String definitionState = VALID;

    /** The file's validation errors, one "file: field: reason" a line, when {@link #INVALID}. */
    @Column(name = "validation_errors", length = 10000)
    public String validationErrors;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public static final String VALID = "valid";
    public static final String INVALID = "invalid";
    public static final String MISSING = "missing";
}
