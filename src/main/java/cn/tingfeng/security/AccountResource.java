package cn.tingfeng.security;

import cn.tingfeng.shared.ApiException;
import cn.tingfeng.shared.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The caller's own account: who am I, change my password. */
@Path("/api/account")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.ANALYST, Roles.DEPARTMENT, Roles.LEADER, Roles.SUPERVISOR})
public class AccountResource {
    public record PasswordChange(@NotNull(message = "不能为空") @Size(max = 200, message = "过长") String currentPassword,
            @NotNull(message = "不能为空") @Size(max = 200, message = "过长") String newPassword) {
    }

    @Inject
    SecurityIdentity identity;
    @Inject
    UserService users;
    @Inject
    UserRepository repository;

    /** Who is calling: an account ({@code kind = user}) or an API token ({@code kind = token}). */
    public record Me(String kind, String name, String displayName, java.util.Set<String> roles, Long unitId, String unitName) {
    }

    @Inject
    UnitDirectory units;

    @GET
    @jakarta.transaction.Transactional
    public Me me() {
        Object id = identity.getAttribute(UserIdentities.USER_ID);
        Object unit = identity.getAttribute(UserIdentities.UNIT_ID);
        Long unitId = unit instanceof Long l ? l : null;
        String unitName = unitId == null ? null : units.nameOf(unitId).orElse(null);
        if (id instanceof Long userId) {
            AppUser user = repository.findByIdOptional(userId).orElseThrow(() -> ApiException.notFound("账号"));
            return new Me("user", user.username, user.displayName, new java.util.TreeSet<>(user.roles), unitId, unitName);
        }
        return new Me("token", identity.getPrincipal().getName(), null, new java.util.TreeSet<>(identity.getRoles()), unitId,
                unitName);
    }

    /** Changes the caller's password; every session of the account ends (the caller's scripts sign in again). */
    @POST
    @Path("password")
    public Response changePassword(@Valid @NotNull PasswordChange body) {
        users.changeOwnPassword(userId(), body.currentPassword(), body.newPassword(), null);
        return Response.noContent().build();
    }

    private long userId() {
        Object id = identity.getAttribute(UserIdentities.USER_ID);
        if (!(id instanceof Long l)) {
            throw ApiException.forbidden("API 令牌没有可修改的账号");
        }
        return l;
    }
}
