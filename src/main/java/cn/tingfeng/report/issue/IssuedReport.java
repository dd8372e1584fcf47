package cn.tingfeng.report.issue;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An issued report (its files are rows of {@code report_file}, read only when downloaded). */
@Entity
@Table(name = "report")
public class IssuedReport {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String type;

    @Column(name = "number_year", nullable = false)
    public int numberYear;

    @Column(name = "number_seq", nullable = false)
    public int numberSeq;

    @Column(name = "number_text", nullable = false)
    public String numberText;

    @Column(nullable = false, length = 1000)
    public String title;

    @Column(name = "period_from")
    public Instant periodFrom;

    @Column(name = "period_to")
    public Instant periodTo;

    /** Comma-separated incident ids (快报, 专报). */
    @Column(name = "incident_ids", length = 2000)
    public String incidentIds;

    @Column(length = 10_000)
    public String opinion;

    @Column(length = 10_000)
    public String suggestion;

    public String secrecy;

    @Column(name = "slot_key")
    public String slotKey;

    @Column(name = "issued_by", nullable = false)
    public String issuedBy;

    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;

    @Column(name = "template_sha256", nullable = false)
    public String templateSha256;

    @Column(name = "mailed_at")
    public Instant mailedAt;
}
