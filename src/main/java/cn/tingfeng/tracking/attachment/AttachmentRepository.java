package cn.tingfeng.tracking.attachment;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class AttachmentRepository implements PanacheRepository<Attachment> {
    public List<Attachment> ofAssignment(Long assignmentId) {
        return list("assignmentId = ?1 order by id", assignmentId);
    }
}
