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

    @Transactional
    public AppUser create(NewUser request) {
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
}
