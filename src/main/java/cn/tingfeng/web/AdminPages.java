package cn.tingfeng.web;

import cn.tingfeng.jurisdiction.UnitRepository;
import cn.tingfeng.jurisdiction.UnitResource;
import cn.tingfeng.security.UserService;
import cn.tingfeng.shared.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** 系统管理: accounts and units (as /api/admin/users and /api/units list them), links to sources and the API docs. */
@Path("/app/admin")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.ADMIN)
public class AdminPages {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance admin(List<UserService.UserView> users, List<UnitResource.UnitView> units);
    }

    @Inject
    UserService users;
    @Inject
    UnitRepository units;

    @GET
    @Transactional
    public TemplateInstance admin() {
        return Templates.admin(users.list(), units.listWithTerritory().stream().map(UnitResource.UnitView::of).toList());
    }
}
