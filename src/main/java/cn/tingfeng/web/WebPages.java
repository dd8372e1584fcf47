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
        static native TemplateInstance login(String error, String minutes, boolean loggedOut);

        static native TemplateInstance home(String username, List<String> roleLabels, List<Panel> panels);
    }

    @Inject
    CurrentUser currentUser;

    @GET
    @PermitAll
    public TemplateInstance login(@QueryParam("error") String error, @QueryParam("minutes") String minutes,
            @QueryParam("loggedOut") String loggedOut) {
        String kind = error == null ? null : "locked".equals(error) ? "locked" : "bad";
        String m = minutes != null && minutes.matches("\\d{1,4}") ? minutes : "15";
        return Templates.login(kind, m, loggedOut != null);
    }

    @GET
    @Path("home")
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST, Roles.DEPARTMENT, Roles.LEADER, Roles.SUPERVISOR})
    public TemplateInstance home() {
        return Templates.home(currentUser.username(), RoleHome.labels(currentUser::has), RoleHome.panels(currentUser::has));
    }
}
