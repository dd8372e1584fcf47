package cn.tingfeng.jurisdiction.proposal;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class CorrectionRepository implements PanacheRepository<ProposalCorrection> {
    public List<ProposalCorrection> ofProposal(Long proposalId) {
        return list("proposalId = ?1 order by id", proposalId);
    }
}
