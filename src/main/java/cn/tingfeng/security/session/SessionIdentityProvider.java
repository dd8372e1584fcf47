package cn.tingfeng.security.session;

import cn.tingfeng.security.UserIdentities;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.util.Map;

/** The session cookie: a session in force of an enabled account, with the account's current roles and unit. */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<SessionAuthenticationRequest> {
    @Inject
    Sessions sessions;

    @Override
    public Class<SessionAuthenticationRequest> getRequestType() {
        return SessionAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(SessionAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> resolve(request.token()));
    }

    @ActivateRequestContext
    SecurityIdentity resolve(String token) {
        Sessions.Active active = sessions.resolve(token)
                .orElseThrow(() -> new AuthenticationFailedException("session ended"));
        return UserIdentities.of(active.user(), Map.of(UserIdentities.SESSION_ID, active.session().id,
                UserIdentities.SESSION_HASH, active.session().tokenHash));
    }
}
