package cn.tingfeng.security;

import cn.tingfeng.shared.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Account administration. */
@Path("/api/admin/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class UserAdminResource {
    public record CreateUserRequest(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9_.@-]{2,64}", message = "只能包含字母、数字和 _ . @ -，长度 2–64") String username,
            @NotNull(message = "不能为空") @Size(max = 200, message = "过长") String password,
            @NotEmpty(message = "至少需要一个角色") Set<String> roles,
            Long unitId,
            @Size(max = 100) String displayName) {
    }

    @Inject
    UserService service;
    @Inject
    UserRepository users;
    @Inject
    CurrentUser currentUser;
    @Inject
    jakarta.validation.Validator validator;

    @POST
    public Response create(@NotNull CreateUserRequest request) {
        java.util.List<cn.tingfeng.shared.ApiError.FieldError> errors = new java.util.ArrayList<>();
        validator.validate(request).forEach(v -> errors.add(new cn.tingfeng.shared.ApiError.FieldError(
                v.getPropertyPath().toString(), v.getMessage())));
        if (request.password() != null && errors.stream().noneMatch(e -> e.field().equals("password"))) {
            service.policy().problems(request.password(), request.username())
                    .forEach(m -> errors.add(new cn.tingfeng.shared.ApiError.FieldError("password", m)));
        }
        if (!errors.isEmpty()) {
            errors.sort(java.util.Comparator.comparing(cn.tingfeng.shared.ApiError.FieldError::field));
            throw new cn.tingfeng.shared.ApiException(400, "validation_failed", "请求参数有误：" + String.join("；",
                    errors.stream().map(e -> e.field() + " " + e.message()).toList()), errors);
        }
        AppUser user = service.create(new UserService.NewUser(request.username(), request.password(), request.roles(),
                request.unitId(), request.displayName()));
        return Response.status(201).entity(service.view(user)).build();
    }

    @GET
    public List<UserService.UserView> list() {
        return service.list();
    }

    public record PasswordReset(@NotNull(message = "不能为空") @Size(max = 200, message = "过长") String password) {
    }

    /** Sets a new password (the policy applies); every session of the account ends. */
    @POST
    @Path("{id}/password")
    public UserService.UserView resetPassword(@jakarta.ws.rs.PathParam("id") long id, @Valid @NotNull PasswordReset body) {
        return service.resetPassword(id, body.password());
    }

    /** Disables an account: its sessions end at once, its cached credentials are forgotten, API tokens stay separate. */
    @POST
    @Path("{id}/disable")
    public UserService.UserView disable(@jakarta.ws.rs.PathParam("id") long id) {
        return service.setEnabled(id, false, currentUser.username());
    }

    @POST
    @Path("{id}/enable")
    public UserService.UserView enable(@jakarta.ws.rs.PathParam("id") long id) {
        return service.setEnabled(id, true, currentUser.username());
    }
}
