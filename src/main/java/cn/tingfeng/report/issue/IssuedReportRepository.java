package cn.tingfeng.report.issue;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Issued reports and their stored files (bytes read only for a download). */
@ApplicationScoped
public class IssuedReportRepository implements PanacheRepository<IssuedReport> {
    @Inject
    EntityManager em;

    public record StoredFile(String format, String sha256, long size) {
    }

    public int highestSeq(ReportType type, int year) {
        Number n = (Number) em.createNativeQuery("select coalesce(max(number_seq), 0) from report where type = :t and number_year = :y")
                .setParameter("t", type.code()).setParameter("y", year).getSingleResult();
        return n.intValue();
    }

    public boolean slotTaken(String slotKey) {
        return count("slotKey", slotKey) > 0;
    }

    public void storeFile(Long reportId, String format, byte[] content, String sha256) {
        em.createNativeQuery("insert into report_file (report_id, format, content, sha256, size) values (:r, :f, :c, :h, :s)")
                .setParameter("r", reportId).setParameter("f", format).setParameter("c", content).setParameter("h", sha256)
                .setParameter("s", (long) content.length).executeUpdate();
    }

    public Optional<byte[]> file(Long reportId, String format) {
        List<?> rows = em.createNativeQuery("select content from report_file where report_id = :r and format = :f")
                .setParameter("r", reportId).setParameter("f", format).getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of(bytes(rows.get(0)));
    }

    /** The stored files of the given reports, without their bytes. */
    public Map<Long, List<StoredFile>> files(List<Long> reportIds) {
        Map<Long, List<StoredFile>> out = new LinkedHashMap<>();
        if (reportIds.isEmpty()) return out;
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select report_id, format, sha256, size from report_file"
                + " where report_id in (:ids) order by report_id, format").setParameter("ids", reportIds).getResultList();
        for (Object[] r : rows) {
            out.computeIfAbsent(((Number) r[0]).longValue(), k -> new java.util.ArrayList<>())
                    .add(new StoredFile((String) r[1], (String) r[2], ((Number) r[3]).longValue()));
        }
        return out;
    }

    private static byte[] bytes(Object o) {
        if (o instanceof byte[] b) return b;
        if (o instanceof java.sql.Blob blob) {
            try {
                return blob.getBytes(1, (int) blob.length());
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("unexpected column type " + (o == null ? null : o.getClass()));
    }
}
