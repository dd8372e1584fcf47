package cn.tingfeng.tracking;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class SupervisionRecordRepository implements PanacheRepository<SupervisionRecord> {
    public List<SupervisionRecord> ofAssignment(Long assignmentId) {
        return list("assignmentId = ?1 order by id", assignmentId);
    }

    public List<SupervisionRecord> open(int limit) {
        return find("acknowledgedAt is null order by id desc").page(0, limit).list();
    }

    public List<SupervisionRecord> all(int limit) {
        return find("order by id desc").page(0, limit).list();
    }
}
