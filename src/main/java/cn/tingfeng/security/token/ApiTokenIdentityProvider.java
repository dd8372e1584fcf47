package cn.tingfeng.security.token;

import cn.tingfeng.security.UserIdentities;
import cn.tingfeng.security.login.LoginAttempt.Outcome;
import cn.tingfeng.security.login.LoginAttempts;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;

/** {@code Authorization: Bearer tf_…}: a token in force acts with its one role (and unit). Refusals are recorded. */
@ApplicationScoped
public class ApiTokenIdentityProvider implements IdentityProvider<ApiTokenAuthenticationRequest> {
    @Inject
    ApiTokens tokens;
    @Inject
    LoginAttempts attempts;

    @Override
    public Class<ApiTokenAuthenticationRequest> getRequestType() {
        return ApiTokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiTokenAuthenticationRequest request, AuthenticationRequestContext context) {
        var routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        String address = routing == null ? "unknown" : cn.tingfeng.security.ClientAddress.of(routing);
        return context.runBlocking(() -> resolve(request.token(), address));
    }

    @ActivateRequestContext
    SecurityIdentity resolve(String token, String address) {
        ApiTokens.Valid valid = tokens.verify(token).orElse(null);
        if (valid == null) {
            String shown = token == null ? "" : token.substring(0, Math.min(10, token.length()));
            attempts.record("token:" + shown, address, "token", Outcome.BAD_PASSWORD, false);
            throw new AuthenticationFailedException("unknown, revoked or expired token");
        }
        return UserIdentities.ofToken(valid.id(), valid.name(), valid.role(), valid.unitId());
    }
}
