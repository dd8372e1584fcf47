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
                List<ApiTokens.TokenView> tokens, int sessions, NewUserForm typed, String msg, String error);
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

    /** What the 新建账号 form had (kept when refused; never the password). */
    public record NewUserForm(String username, String displayName, String role, String unitId) {
        static final NewUserForm EMPTY = new NewUserForm("", "", "analyst", "");
    }

    /** The roles in the form, with their Chinese names. */
    public static final java.util.Map<String, String> ROLE_LABELS = new java.util.LinkedHashMap<>(java.util.Map.of());

    static {
        ROLE_LABELS.put(Roles.ANALYST, "舆情分析员");
        ROLE_LABELS.put(Roles.DEPARTMENT, "承办单位");
        ROLE_LABELS.put(Roles.LEADER, "领导");
        ROLE_LABELS.put(Roles.SUPERVISOR, "督查室 / 监察委");
        ROLE_LABELS.put(Roles.ADMIN, "系统管理员");
    }

    @GET
    @Transactional
    public TemplateInstance admin(@jakarta.ws.rs.QueryParam("msg") String msg) {
        String m = msg == null ? null : switch (msg) {
            case "created" -> "已新建账号。";
            case "disabled" -> "已停用账号，其登录会话已全部失效。";
            case "enabled" -> "已启用账号。";
            case "reset" -> "已重置密码，该账号的登录会话已全部失效。";
            default -> null;
        };
        return page(NewUserForm.EMPTY, m, null);
    }

    TemplateInstance page(NewUserForm typed, String msg, String error) {
        return Templates.admin(users.list(), units.listWithTerritory().stream().map(UnitResource.UnitView::of).toList(),
                attempts.activeLocks(), attempts.recent(50, true), tokens.all(), sessions.active().size(), typed, msg, error);
    }

    /** 新建账号: the same rules as {@code POST /api/admin/users} (password policy, a department user bound to a unit). */
    @POST
    @Path("users")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createUser(@FormParam("username") String username, @FormParam("displayName") String displayName,
            @FormParam("role") String role, @FormParam("unitId") String unitId, @FormParam("password") String password) {
        NewUserForm typed = new NewUserForm(username == null ? "" : username.strip(), displayName == null ? "" : displayName.strip(),
                role == null ? "" : role, unitId == null ? "" : unitId);
        try {
            if (typed.username().isEmpty() || !typed.username().matches("[A-Za-z0-9_.@-]{2,64}")) {
                throw cn.tingfeng.shared.ApiException.badRequest("username", "用户名只能包含字母、数字和 _ . @ -，长度 2–64");
            }
            if (!ROLE_LABELS.containsKey(typed.role())) {
                throw cn.tingfeng.shared.ApiException.badRequest("role", "请选择角色");
            }
            Long unit = Roles.DEPARTMENT.equals(typed.role()) ? WebForms.id(typed.unitId(), "unitId", "承办单位") : null;
            users.create(new UserService.NewUser(typed.username(), password, java.util.Set.of(typed.role()), unit,
                    typed.displayName().isEmpty() ? null : typed.displayName()));
        } catch (cn.tingfeng.shared.ApiException e) {
            return Response.status(e.status()).entity(page(typed, null, WebErrors.message(e))).build();
        }
        return Response.seeOther(URI.create("/app/admin?msg=created#users")).build();
    }

    @POST
    @Path("users/{id}/disable")
    public Response disable(@jakarta.ws.rs.PathParam("id") long id) {
        return userAct(() -> users.setEnabled(id, false, currentUser.username()), "disabled");
    }

    @POST
    @Path("users/{id}/enable")
    public Response enable(@jakarta.ws.rs.PathParam("id") long id) {
        return userAct(() -> users.setEnabled(id, true, currentUser.username()), "enabled");
    }

    @POST
    @Path("users/{id}/password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response resetPassword(@jakarta.ws.rs.PathParam("id") long id, @FormParam("password") String password) {
        return userAct(() -> users.resetPassword(id, password), "reset");
    }

    private Response userAct(Runnable act, String done) {
        try {
            act.run();
        } catch (cn.tingfeng.shared.ApiException e) {
            if (e.status() == 404) {
                throw e;
            }
            return Response.status(e.status()).entity(page(NewUserForm.EMPTY, null, WebErrors.message(e))).build();
        }
        return Response.seeOther(URI.create("/app/admin?msg=" + done + "#users")).build();
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
