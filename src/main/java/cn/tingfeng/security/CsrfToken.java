package cn.tingfeng.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The CSRF token of the current browser session, for templates ({@code {inject:csrf.token}}, the {@code {#csrf/}} tag
 * in every form and the {@code csrf-token} meta element for scripts). Empty without a session.
 */
@Named("csrf")
@RequestScoped
public class CsrfToken {
    public static final String FIELD = "_csrf";
    public static final String HEADER = "X-CSRF-Token";

    @Inject
    SecurityIdentity identity;
    @Inject
    SigningKeys keys;

    public String token() {
        Object hash = identity.getAttribute(UserIdentities.SESSION_HASH);
        return hash instanceof String h ? keys.csrfToken(h) : "";
    }

    public String field() {
        return FIELD;
    }
}
