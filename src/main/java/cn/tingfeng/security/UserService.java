package cn.tingfeng.security;

import cn.tingfeng.shared.ApiError;
import cn.tingfeng.shared.ApiException;
import cn.tingfeng.shared.Roles;
import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Creates accounts under the rules of the role model: a department user is bound to exactly one unit. */
@ApplicationScoped
public class UserService {
    public record UserView(Long id, String username, String displayName, java.util.Set<String> roles, Long unitId,
            String unitName, boolean enabled, java.time.Instant createdAt) {
        static UserView of(AppUser u, String unitName) {
            return new UserView(u.id, u.username, u.displayName, new java.util.TreeSet<>(u.roles),
                    u.unitId, unitName, u.enabled, u.createdAt);
        }
    }

    public record NewUser(String username, String password, Set<String> roles, Long unitId, String displayName) {
    }

    @Inject
    UserRepository users;
    @Inject
    UnitDirectory units;
    @Inject
    Clock clock;
    @Inject
    SecurityConfig config;
    @Inject
    cn.tingfeng.security.session.Sessions sessions;
    @Inject
    cn.tingfeng.security.login.PasswordLogin login;

    private volatile PasswordPolicy policy;

    /** The password rules (min length from {@code tingfeng.security.password-min-length}, the shipped common list). */
    public PasswordPolicy policy() {
        PasswordPolicy p = policy;
        if (p == null) {
            p = PasswordPolicy.shipped(config.passwordMinLength());
            policy = p;
        }
        return p;
    }

    /** Refuses a password the policy refuses, with the problems as field errors of {@code field}. */
    void requireAcceptable(String field, String password, String username) {
        List<String> problems = policy().problems(password, username);
        if (!problems.isEmpty()) {
            throw new ApiException(400, "validation_failed", "密码不符合要求：" + String.join("；", problems),
                    problems.stream().map(m -> new ApiError.FieldError(field, m)).toList());
        }
    }

    /** Every account with its unit, by username. */
    @Transactional
    public java.util.List<UserView> list() {
        java.util.Map<Long, String> unitNames = units.names();
        return users.list("order by username")
                .stream().map(u -> UserView.of(u, u.unitId == null ? null : unitNames.get(u.unitId))).toList();
    }

    /** One account with its unit's name. */
    @Transactional
    public UserView view(AppUser user) {
        return UserView.of(user, user.unitId == null ? null : units.nameOf(user.unitId).orElse(null));
    }

    /** A new account made by an administrator: the password must pass the {@link PasswordPolicy}. */
    @Transactional
    public AppUser create(NewUser request) {
        requireAcceptable("password", request.password(), request.username());
        return createSeeded(request);
    }

    /**
     * A new account from a seed the operator controls (demo accounts, test accounts, the first administrator's
     * configured password): the password policy is not applied.
     */
    @Transactional
    public AppUser createSeeded(NewUser request) {
        if (users.findByUsername(request.username()).isPresent()) {
            throw new ApiException(409, "conflict", "用户名已存在：" + request.username(),
                    List.of(new ApiError.FieldError("username", "用户名已存在")));
        }
        List<ApiError.FieldError> errors = new ArrayList<>();
        Set<String> roles = new LinkedHashSet<>(request.roles() == null ? Set.of() : request.roles());
        for (String role : roles) {
            if (!Roles.ALL.contains(role)) {
                errors.add(new ApiError.FieldError("roles", "未知角色：" + role + "（可选 " + String.join("、", Roles.ALL) + "）"));
            }
        }
        Long unitId = null;
        if (roles.contains(Roles.DEPARTMENT)) {
            if (request.unitId() == null) {
                errors.add(new ApiError.FieldError("unitId", "部门账号必须绑定一个单位"));
            } else {
                unitId = request.unitId();
                if (units.nameOf(unitId).isEmpty()) {
                    errors.add(new ApiError.FieldError("unitId", "单位不存在：" + request.unitId()));
                }
            }
        } else if (request.unitId() != null) {
            errors.add(new ApiError.FieldError("unitId", "只有部门账号（department）绑定单位"));
        }
        if (!errors.isEmpty()) {
            throw new ApiException(400, "validation_failed", "请求参数有误：" + String.join("；", errors.stream().map(e -> e.field() + " " + e.message()).toList()), errors);
        }
        AppUser user = new AppUser();
        user.username = request.username();
        user.passwordHash = BcryptUtil.bcryptHash(request.password());
        user.displayName = request.displayName();
        user.roles = roles;
        user.unitId = unitId;
        user.createdAt = Instant.now(clock);
        users.persist(user);
        return user;
    }

    /** A user changes their own password: the current one must be right; every other session ends. */
    @Transactional
    public void changeOwnPassword(long userId, String current, String next, Long keepSession) {
        AppUser user = users.findByIdOptional(userId).orElseThrow(() -> ApiException.notFound("账号"));
        if (current == null || !io.quarkus.elytron.security.common.BcryptUtil.matches(current, user.passwordHash)) {
            throw ApiException.badRequest("currentPassword", "当前密码不正确");
        }
        if (current.equals(next)) {
            throw ApiException.badRequest("newPassword", "新密码不能与当前密码相同");
        }
        requireAcceptable("newPassword", next, user.username);
        setPassword(user, next);
        sessions.revokeAll(user.id, "password_changed", keepSession);
    }

    /** An administrator sets a new password: every session of the account ends. */
    @Transactional
    public UserView resetPassword(long userId, String next) {
        AppUser user = users.findByIdOptional(userId).orElseThrow(() -> ApiException.notFound("账号 " + userId));
        requireAcceptable("password", next, user.username);
        setPassword(user, next);
        sessions.revokeAll(user.id, "password_reset", null);
        return view(user);
    }

    /** Enables or disables an account; disabling ends its sessions and forgets its cached credentials. */
    @Transactional
    public UserView setEnabled(long userId, boolean enabled, String actor) {
        AppUser user = users.findByIdOptional(userId).orElseThrow(() -> ApiException.notFound("账号 " + userId));
        if (!enabled && user.username.equals(actor)) {
            throw ApiException.conflict("不能停用自己的账号");
        }
        user.enabled = enabled;
        if (!enabled) {
            sessions.revokeAll(user.id, "disabled", null);
            login.forget(user.id);
        }
        return view(user);
    }

    private void setPassword(AppUser user, String next) {
        user.passwordHash = BcryptUtil.bcryptHash(next);
        user.passwordChangedAt = Instant.now(clock);
        login.forget(user.id);
    }
}
