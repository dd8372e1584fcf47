package cn.tingfeng.web;

import cn.tingfeng.jurisdiction.UnitRepository;
import cn.tingfeng.jurisdiction.UnitResource;
import cn.tingfeng.security.CurrentUser;
import cn.tingfeng.security.UserService;
import cn.tingfeng.security.login.LoginAttempt;
import cn.tingfeng.security.login.LoginAttempts;
import cn.tingfeng.security.session.Sessions;
import cn.tingfeng.security.token.ApiTokens;
import cn.tingfeng.shared.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/** 系统管理: accounts and units (as /api/admin/users and /api/units list them), links to sources and the API docs. */
@Path("/app/admin")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.ADMIN)
public class AdminPages {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance admin(List<UserService.UserView> users, List<UnitResource.UnitView> units,
                List<LoginAttempts.ActiveLock> locks, List<LoginAttempts.AttemptView> failures,
                List<ApiTokens.TokenView> tokens, int sessions);
    }

    @Inject
    UserService users;
    @Inject
    UnitRepository units;
    @Inject
    LoginAttempts attempts;
    @Inject
    ApiTokens tokens;
    @Inject
    Sessions sessions;
    @Inject
    CurrentUser currentUser;

    @GET
    @Transactional
    public TemplateInstance admin() {
        return Templates.admin(users.list(), units.listWithTerritory().stream().map(UnitResource.UnitView::of).toList(),
                attempts.activeLocks(), attempts.recent(50, true), tokens.all(), sessions.active().size());
    }

    /** 解除锁定: the account's lock ends at once (recorded with the administrator's name). */
    @POST
    @Path("locks/clear")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response clearLock(@FormParam("username") String username) {
        if (username != null && !username.isBlank()) {
            attempts.record(username.strip(), "admin:" + currentUser.username(), "admin", LoginAttempt.Outcome.CLEARED, false);
        }
        return Response.seeOther(URI.create("/app/admin#security")).build();
    }
}
