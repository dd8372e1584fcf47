package cn.tingfeng.crawl;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A file of an import drop folder, imported once (by SHA-256 of its bytes), with its report. */
@Entity
@Table(name = "import_file")
public class ImportedFile {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "source_id", nullable = false)
    public Long sourceId;

    @Column(name = "file_hash", nullable = false)
    public String fileHash;

    @Column(name = "file_name", nullable = false)
    public String fileName;

    @Column(name = "rows_taken", nullable = false)
    public int rowsTaken;

    @Column(name = "rows_rejected", nullable = false)
    public int rowsRejected;

    /** Rows that became new posts (the others were already known). */
    @Column(name = "rows_new", nullable = false)
    public int rowsNew;

    /** The rejected rows with their reasons, one "row N: reason" a line. */
    @Column(length = 100_000)
    public String report;

    @Column(name = "imported_at", nullable = false)
    public Instant importedAt;
}
