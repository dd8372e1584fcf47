package cn.tingfeng.tracking;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class LeaderInstructionRepository implements PanacheRepository<LeaderInstruction> {
    public List<LeaderInstruction> ofIncident(Long incidentId) {
        return list("incidentId = ?1 order by id", incidentId);
    }
}
