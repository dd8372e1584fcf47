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

/** Review of the place names learned from territory corrections: none is resolved until approved here. */
@Path("/api/admin/jurisdiction/aliases")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class PlaceAliasResource {
    /** One learned alias; {@code effect} says in Chinese what approving it does. */
    public record AliasView(Long id, String name, String jurisdiction, String territory, int evidence, String status,
                            String reviewedBy, Instant reviewedAt, String effect) {
    }

    public record AliasList(String classifierVersion, int approved, List<AliasView> aliases) {
    }

    @Inject
    PlaceAliases aliases;
    @Inject
    Classifiers classifiers;
    @Inject
    CurrentUser user;

    @GET
    public AliasList list() {
        List<AliasView> views = aliases.list().stream().map(PlaceAliasResource::view).toList();
        Classifiers.State s = classifiers.state();
        return new AliasList(s.version(), s.approvedAliases(), views);
    }

    @POST
    @Path("{id}/approve")
    public AliasView approve(@PathParam("id") Long id) {
        return view(aliases.decide(id, true, user.username()));
    }

    @POST
    @Path("{id}/reject")
    public AliasView reject(@PathParam("id") Long id) {
        return view(aliases.decide(id, false, user.username()));
    }

    private static AliasView view(LearnedPlaceAlias a) {
        String effect = "“" + a.name + "”按" + a.territory + "识别属地（" + a.evidence + " 起属地纠错）";
        return new AliasView(a.id, a.name, a.jurisdiction, a.territory, a.evidence, a.status, a.reviewedBy, a.reviewedAt, effect);
    }
}
