package cn.tingfeng.web;

import cn.tingfeng.security.UserIdentities;
import cn.tingfeng.security.UserService;
import cn.tingfeng.shared.ApiException;
import cn.tingfeng.shared.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** 修改密码: every signed-in user changes their own password; their other sessions end. */
@Path("/app/account")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.ADMIN, Roles.ANALYST, Roles.DEPARTMENT, Roles.LEADER, Roles.SUPERVISOR})
public class AccountPages {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance account(String username, int minLength, boolean done, String error);
    }

    @Inject
    SecurityIdentity identity;
    @Inject
    UserService users;

    @GET
    public TemplateInstance page(@QueryParam("done") String done) {
        return Templates.account(identity.getPrincipal().getName(), users.policy().minLength(), done != null, null);
    }

    @POST
    @Path("password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response change(@FormParam("current") String current, @FormParam("next") String next,
            @FormParam("confirm") String confirm) {
        String name = identity.getPrincipal().getName();
        int min = users.policy().minLength();
        if (next == null || !next.equals(confirm)) {
            return Response.status(400).entity(Templates.account(name, min, false, "两次输入的新密码不一致")).build();
        }
        Object userId = identity.getAttribute(UserIdentities.USER_ID);
        Object sessionId = identity.getAttribute(UserIdentities.SESSION_ID);
        try {
            users.changeOwnPassword((Long) userId, current, next, sessionId instanceof Long l ? l : null);
        } catch (ApiException e) {
            return Response.status(WebErrors.status(e)).entity(Templates.account(name, min, false, WebErrors.message(e))).build();
        }
        return Response.seeOther(URI.create("/app/account?done=1")).build();
    }
}
