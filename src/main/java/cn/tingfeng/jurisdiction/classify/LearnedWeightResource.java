package cn.tingfeng.jurisdiction.classify;

import cn.tingfeng.security.CurrentUser;
import cn.tingfeng.shared.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;

/** Review of the term weights learned from corrections: nothing learned is applied until approved here. */
@Path("/api/admin/classifier/weights")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class LearnedWeightResource {
    /** One learned weight; {@code effect} says in Chinese what approving it does. */
    public record WeightView(Long id, String term, String fromCategory, String toCategory, int evidence, double proposedDelta,
                             String status, Double appliedDelta, String reviewedBy, Instant reviewedAt, String effect) {
    }

    public record WeightList(String classifierVersion, int approved, List<WeightView> weights) {
    }

    @Inject
    LearnedWeights learned;
    @Inject
    Classifiers classifiers;
    @Inject
    CurrentUser user;

    @GET
    public WeightList list() {
        List<WeightView> views = learned.list().stream().map(this::view).toList();
        Classifiers.State s = classifiers.state();
        return new WeightList(s.version(), s.approvedWeights(), views);
    }

    @POST
    @Path("{id}/approve")
    public WeightView approve(@PathParam("id") Long id) {
        return view(learned.decide(id, true, user.username()));
    }

    @POST
    @Path("{id}/reject")
    public WeightView reject(@PathParam("id") Long id) {
        return view(learned.decide(id, false, user.username()));
    }

    private WeightView view(LearnedWeight w) {
        double d = w.appliedDelta != null ? w.appliedDelta : learned.proposedDelta(w);
        var lexicon = classifiers.state().base().lexicon();
        String effect = LearnedWeight.NEW_TERM.equals(w.fromCategory)
                ? "“" + w.term + "”：新词，" + lexicon.label(w.toCategory) + " +" + d + "（" + w.evidence + " 起纠错）"
                : "“" + w.term + "”：" + lexicon.label(w.fromCategory) + " −" + d + "，" + lexicon.label(w.toCategory) + " +" + d
                + "（" + w.evidence + " 起纠错）";
        return new WeightView(w.id, w.term, w.fromCategory, w.toCategory, w.evidence, learned.proposedDelta(w), w.status,
                w.appliedDelta, w.reviewedBy, w.reviewedAt, effect);
    }
}
