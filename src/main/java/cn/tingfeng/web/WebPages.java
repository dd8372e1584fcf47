package cn.tingfeng.web;

import cn.tingfeng.security.CurrentUser;
import cn.tingfeng.shared.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/** The Chinese web UI: login page at {@code /} and a home page per role. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class WebPages {
    /** One block of the home page, shown to the roles that use it. */
    public record Panel(String title, String description, String href) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(boolean error);

        static native TemplateInstance home(String username, List<String> roleLabels, List<Panel> panels);
    }

    @Inject
    CurrentUser currentUser;

    @GET
    @PermitAll
    public TemplateInstance login(@QueryParam("error") String error) {
        return Templates.login(error != null);
    }

    @GET
    @Path("home")
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST, Roles.DEPARTMENT, Roles.LEADER, Roles.SUPERVISOR})
    public TemplateInstance home() {
        return Templates.home(currentUser.username(), RoleHome.labels(currentUser::has), RoleHome.panels(currentUser::has));
    }

    @GET
    @Path("logout")
    @PermitAll
    public Response logout() {
        NewCookie expired = new NewCookie.Builder("tingfeng-session").path("/").maxAge(0).value("").build();
        return Response.seeOther(URI.create("/")).cookie(expired).build();
    }
}
