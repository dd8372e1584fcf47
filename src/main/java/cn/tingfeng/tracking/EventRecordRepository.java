package cn.tingfeng.tracking;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class EventRecordRepository implements PanacheRepository<EventRecord> {
    public List<EventRecord> history(Long assignmentId) {
        return list("assignmentId = ?1 order by seq", assignmentId);
    }
}
