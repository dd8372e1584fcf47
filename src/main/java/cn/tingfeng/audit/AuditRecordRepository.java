package cn.tingfeng.audit;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class AuditRecordRepository implements PanacheRepository<AuditRecord> {
    public List<AuditRecord> ofSubject(String subjectType, String subjectId) {
        return list("subjectType = ?1 and subjectId = ?2 order by seq", subjectType, subjectId);
    }
}
