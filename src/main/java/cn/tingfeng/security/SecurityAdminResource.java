package cn.tingfeng.security;

import cn.tingfeng.security.login.LoginAttempt.Outcome;
import cn.tingfeng.security.login.LoginAttempts;
import cn.tingfeng.security.session.Sessions;
import cn.tingfeng.security.token.ApiTokens;
import cn.tingfeng.shared.ApiException;
import cn.tingfeng.shared.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;

/** Sign-in security for the administrator: attempts, locks, sessions, API tokens. */
@Path("/api/admin/security")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class SecurityAdminResource {
    public record ClearLock(@NotBlank(message = "不能为空") @Size(max = 64) String username) {
    }

    public record NewToken(@NotBlank(message = "不能为空") @Size(max = 100, message = "最长 100 个字符") String name,
            @NotBlank(message = "不能为空") String role, Long unitId, Instant expiresAt) {
    }

    @Inject
    LoginAttempts attempts;
    @Inject
    Sessions sessions;
    @Inject
    ApiTokens tokens;
    @Inject
    CurrentUser currentUser;

    /** Recent sign-in attempts, newest first: who, from where, when, how, outcome. */
    @GET
    @Path("logins")
    public List<LoginAttempts.AttemptView> logins(@QueryParam("failuresOnly") @DefaultValue("false") boolean failuresOnly,
            @QueryParam("limit") @DefaultValue("200") int limit) {
        if (limit < 1 || limit > 1000) {
            throw ApiException.badRequest("limit", "取值范围 1–1000");
        }
        return attempts.recent(limit, failuresOnly);
    }

    /** Accounts and addresses locked now, and until when. */
    @GET
    @Path("locks")
    public List<LoginAttempts.ActiveLock> locks() {
        return attempts.activeLocks();
    }

    /** Lifts the lock of an account at once (recorded as outcome {@code cleared} by the administrator's address). */
    @POST
    @Path("locks/clear")
    public Response clear(@Valid @NotNull ClearLock body) {
        attempts.record(body.username().strip(), "admin:" + currentUser.username(), "admin", Outcome.CLEARED, false);
        return Response.noContent().build();
    }

    @GET
    @Path("sessions")
    public List<Sessions.SessionView> sessions() {
        return sessions.active();
    }

    @DELETE
    @Path("sessions/{id}")
    public Response endSession(@PathParam("id") long id) {
        sessions.revoke(id, "admin");
        return Response.noContent().build();
    }

    @GET
    @Path("tokens")
    public List<ApiTokens.TokenView> tokens() {
        return tokens.all();
    }

    /** A new API token; the answer holds the token once ({@code token}), only its hash is kept. */
    @POST
    @Path("tokens")
    public Response createToken(@Valid @NotNull NewToken body) {
        return Response.status(201)
                .entity(tokens.create(body.name(), body.role(), body.unitId(), body.expiresAt(), currentUser.username())).build();
    }

    @DELETE
    @Path("tokens/{id}")
    public ApiTokens.TokenView revokeToken(@PathParam("id") long id) {
        return tokens.revoke(id);
    }
}
