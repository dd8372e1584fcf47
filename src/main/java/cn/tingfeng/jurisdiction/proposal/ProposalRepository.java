package cn.tingfeng.jurisdiction.proposal;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

@ApplicationScoped
public class ProposalRepository implements PanacheRepository<IncidentProposal> {
    public Optional<IncidentProposal> findByIncident(Long incidentId) {
        return find("incidentId", incidentId).firstResultOptional();
    }
}
