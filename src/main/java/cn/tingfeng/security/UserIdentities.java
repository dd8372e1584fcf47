package cn.tingfeng.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.util.Map;
import java.util.Set;

/**
 * Turns an {@code app_user} row (or an API token) into a security identity. The identity carries the user's id and
 * unit id (attributes {@link #USER_ID}, {@link #UNIT_ID}) so that department users are confined to their own unit;
 * a browser session also carries {@link #SESSION_ID} and {@link #SESSION_HASH} (for logout and the CSRF token).
 */
public final class UserIdentities {
    public static final String UNIT_ID = "tingfeng.unitId";
    public static final String USER_ID = "tingfeng.userId";
    public static final String SESSION_ID = "tingfeng.sessionId";
    public static final String SESSION_HASH = "tingfeng.sessionHash";
    public static final String TOKEN_ID = "tingfeng.tokenId";

    private UserIdentities() {
    }

    public static SecurityIdentity of(AppUser user, Map<String, Object> attributes) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(user.username))
                .addRoles(user.roles)
                .addAttribute(USER_ID, user.id)
                .addAttributes(attributes);
        if (user.unitId != null) {
            builder.addAttribute(UNIT_ID, user.unitId);
        }
        return builder.build();
    }

    /** An API token acts as {@code token:<name>} with exactly one role (and the unit of a department token). */
    public static SecurityIdentity ofToken(long tokenId, String name, String role, Long unitId) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal("token:" + name))
                .addRoles(Set.of(role))
                .addAttribute(TOKEN_ID, tokenId);
        if (unitId != null) {
            builder.addAttribute(UNIT_ID, unitId);
        }
        return builder.build();
    }
}
