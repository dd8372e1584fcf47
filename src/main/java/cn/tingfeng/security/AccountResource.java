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

    @GET
    public UserService.UserView me() {
        return users.view(repository.findByIdOptional(userId()).orElseThrow(() -> ApiException.notFound("账号")));
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
