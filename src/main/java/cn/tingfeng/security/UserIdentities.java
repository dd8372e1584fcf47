package cn.tingfeng.security;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * Turns an {@code app_user} row into a security identity. The identity carries the user's id and unit id
 * (attributes {@link #USER_ID}, {@link #UNIT_ID}) so that department users are confined to their own unit.
 */
@ApplicationScoped
public class UserIdentities {
    public static final String UNIT_ID = "tingfeng.unitId";
    public static final String USER_ID = "tingfeng.userId";

    /** Checked when the user does not exist, so that response time does not tell which names exist. */
    private static final String DUMMY_HASH = BcryptUtil.bcryptHash(UUID.randomUUID().toString());

    @Inject
    UserRepository users;

    /** Password check (form login and HTTP Basic). */
    @ActivateRequestContext
    @Transactional
    public SecurityIdentity withPassword(String username, String password) {
        AppUser user = users.findByUsername(username).orElse(null);
        if (user == null) {
            BcryptUtil.matches(password, DUMMY_HASH);
            throw new AuthenticationFailedException("unknown user");
        }
        if (!user.enabled || !BcryptUtil.matches(password, user.passwordHash)) {
            throw new AuthenticationFailedException("bad credentials");
        }
        return identity(user);
    }

    /** An already authenticated session (the form login cookie): the account must still exist and be enabled. */
    @ActivateRequestContext
    @Transactional
    public SecurityIdentity trusted(String username) {
        AppUser user = users.findByUsername(username)
                .filter(u -> u.enabled)
                .orElseThrow(() -> new AuthenticationFailedException("account gone or disabled"));
        return identity(user);
    }

    private static SecurityIdentity identity(AppUser user) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(user.username))
                .addRoles(user.roles)
                .addAttribute(USER_ID, user.id);
        if (user.unitId != null) {
            builder.addAttribute(UNIT_ID, user.unitId);
        }
        return builder.build();
    }
}
