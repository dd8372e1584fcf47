package cn.tingfeng.jurisdiction;

import cn.tingfeng.shared.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The catalog of responsible units, for administration and scripts. */
@Path("/api/units")
@Produces(MediaType.APPLICATION_JSON)
public class UnitResource {
    /** What a unit looks like at the API edge. */
    public record UnitView(Long id, String name, String category, String level, String territory) {
        public static UnitView of(Unit u) {
            return new UnitView(u.id, u.name, u.category, u.level, u.territory.name);
        }
    }

    @Inject
    UnitRepository units;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST, Roles.DEPARTMENT, Roles.LEADER, Roles.SUPERVISOR})
    @Transactional
    public List<UnitView> list() {
        return units.listWithTerritory().stream().map(UnitView::of).toList();
    }
}
