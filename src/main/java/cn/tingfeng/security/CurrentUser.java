package cn.tingfeng.security;

import cn.tingfeng.shared.ApiException;
import cn.tingfeng.shared.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** Who is calling, and the one rule every feature applies: a department user touches only its own unit. */
@RequestScoped
public class CurrentUser {
    @Inject
    SecurityIdentity identity;

    public String username() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    public boolean has(String role) {
        return identity.hasRole(role);
    }

    /** The unit of a department user, empty for other users. */
    public Optional<Long> unitId() {
        Object v = identity.getAttribute(UserIdentities.UNIT_ID);
        return v instanceof Long l ? Optional.of(l) : Optional.empty();
    }

    /** True when the caller is confined to one unit (department role and none of the oversight roles). */
    public boolean isConfinedToUnit() {
        return identity.hasRole(Roles.DEPARTMENT) && !identity.hasRole(Roles.ADMIN) && !identity.hasRole(Roles.ANALYST)
                && !identity.hasRole(Roles.SUPERVISOR) && !identity.hasRole(Roles.LEADER);
    }

    /** Throws 403 unless the caller may act for {@code unitId}: oversight roles may, a department only for its own. */
    public void requireUnit(Long unitId) {
        if (isConfinedToUnit() && !unitId.equals(unitId().orElse(-1L))) {
            throw ApiException.forbidden("只能处理本单位的事项");
        }
    }

    /** Throws 403 unless the caller is a department user of exactly this unit. */
    public void requireMemberOf(Long unitId) {
        if (!identity.hasRole(Roles.DEPARTMENT) || !unitId.equals(unitId().orElse(-1L))) {
            throw ApiException.forbidden("只能由承办单位本单位账号办理");
        }
    }
}
