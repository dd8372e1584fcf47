package cn.tingfeng.tracking.attachment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A file attached to a response or feedback: which assignment and event, its SHA-256, and where it is stored. */
@Entity
@Table(name = "assignment_attachment")
public class Attachment {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "assignment_id", nullable = false)
    public Long assignmentId;

    /** The event of the assignment's history the file came with (its details carry the same hash). */
    @Column(name = "event_seq")
    public Integer eventSeq;

    @Column(nullable = false)
    public String sha256;

    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;

    /** A {@link FileKind} code. */
    @Column(nullable = false)
    public String kind;

    @Column(name = "file_name", nullable = false)
    public String fileName;

    /** Relative to the attachment directory: {@code <yyyy>/<sha256>}. */
    @Column(name = "stored_path", nullable = false)
    public String storedPath;

    @Column(name = "uploaded_by", nullable = false)
    public String uploadedBy;

    @Column(name = "uploaded_at", nullable = false)
    public Instant uploadedAt;
}
