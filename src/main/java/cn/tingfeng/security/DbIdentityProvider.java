package cn.tingfeng.security;

import cn.tingfeng.security.login.PasswordLogin;
import cn.tingfeng.security.login.SignInRefused;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/** HTTP Basic on {@code /api/*} against {@code app_user}: throttled, recorded, verified credentials cached briefly. */
@ApplicationScoped
public class DbIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {
    @Inject
    PasswordLogin login;

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        String username = request.getUsername();
        String password = new String(request.getPassword().getPassword());
        var routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        String address = routing == null ? "unknown" : ClientAddress.of(routing);
        return context.runBlocking(() -> {
            try {
                return UserIdentities.of(login.verify(username, password, address, "basic", false), Map.of());
            } catch (SignInRefused e) {
                throw new AuthenticationFailedException(e.getMessage(),
                        e.locked() ? Map.of(TingfengAuthMechanism.LOCKED_UNTIL, e.lockedUntil()) : Map.of());
            }
        });
    }
}
