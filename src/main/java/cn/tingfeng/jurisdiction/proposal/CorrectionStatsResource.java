package cn.tingfeng.jurisdiction.proposal;

import cn.tingfeng.jurisdiction.classify.Classifiers;
import cn.tingfeng.shared.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** How often analysts correct the classifier, by category and by county. */
@Path("/api/classify/corrections/stats")
@Produces(MediaType.APPLICATION_JSON)
public class CorrectionStatsResource {
    @Inject
    ProposalRepository proposals;
    @Inject
    Classifiers classifiers;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST, Roles.LEADER})
    @Transactional
    public CorrectionStats.Report stats() {
        var em = proposals.getEntityManager();
        List<CorrectionStats.Proposed> proposed = em.createQuery(
                        "select p.id, p.level, p.territory, p.leadCategory from IncidentProposal p", Object[].class)
                .getResultStream().map(r -> new CorrectionStats.Proposed((Long) r[0], (String) r[1], (String) r[2], (String) r[3])).toList();
        Map<Long, CorrectionStats.Corrected> latest = new HashMap<>();
        em.createQuery("select c.proposalId, c.afterLevel, c.afterTerritory, c.afterLeadCategory from ProposalCorrection c order by c.id",
                Object[].class).getResultStream().forEach(r -> latest.put((Long) r[0],
                new CorrectionStats.Corrected((Long) r[0], (String) r[1], (String) r[2], (String) r[3])));
        var lexicon = classifiers.state().base().lexicon();
        return CorrectionStats.of(proposed, latest, k -> "none".equals(k) ? "未识别职责" : lexicon.label(k));
    }
}
