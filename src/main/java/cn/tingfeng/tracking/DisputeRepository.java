package cn.tingfeng.tracking;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

@ApplicationScoped
public class DisputeRepository implements PanacheRepository<Dispute> {
    public Optional<Dispute> openOf(Long assignmentId) {
        return find("assignmentId = ?1 and outcome is null order by id desc", assignmentId).firstResultOptional();
    }
}
