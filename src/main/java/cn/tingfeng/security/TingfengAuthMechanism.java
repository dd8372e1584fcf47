package cn.tingfeng.security;

import io.quarkus.security.AuthenticationFailedException;
import cn.tingfeng.security.session.SessionAuthenticationRequest;
import cn.tingfeng.security.token.ApiTokenAuthenticationRequest;
import io.quarkus.security.credential.PasswordCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

/**
 * How a request says who it is. Under {@code /api/}: {@code Authorization: Bearer tf_…} (an API token) or HTTP Basic
 * (throttled; verified credentials cached briefly). Everywhere else: the {@code tingfeng-session} cookie of a server
 * side session (see {@link cn.tingfeng.security.session.Sessions}); sign-in itself is {@code POST /j_security_check}
 * ({@link LoginResource}). A session cookie is never accepted on {@code /api/}, so the API cannot be driven by a
 * browser's cookies from another site.
 */
@ApplicationScoped
public class TingfengAuthMechanism implements HttpAuthenticationMechanism {
    public static final String SESSION_COOKIE = "tingfeng-session";
    static final String LOCKED_UNTIL = "tingfeng.lockedUntil";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext ctx, IdentityProviderManager ipm) {
        if (isApi(ctx)) {
            String authorization = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
            if (authorization == null) {
                return Uni.createFrom().nullItem();
            }
            if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return ipm.authenticate(attach(new ApiTokenAuthenticationRequest(authorization.substring(7).strip()), ctx));
            }
            if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
                String decoded;
                try {
                    decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return Uni.createFrom().failure(new AuthenticationFailedException("malformed basic credentials"));
                }
                int colon = decoded.indexOf(':');
                if (colon < 0) {
                    return Uni.createFrom().failure(new AuthenticationFailedException("malformed basic credentials"));
                }
                var request = new UsernamePasswordAuthenticationRequest(decoded.substring(0, colon),
                        new PasswordCredential(decoded.substring(colon + 1).toCharArray()));
                return ipm.authenticate(attach(request, ctx))
                        .onFailure(AuthenticationFailedException.class).invoke(e -> {
                            Object until = ((AuthenticationFailedException) e).getAttribute(LOCKED_UNTIL);
                            if (until != null) {
                                ctx.put(LOCKED_UNTIL, until);
                            }
                        });
            }
            return Uni.createFrom().nullItem();
        }
        Cookie cookie = ctx.request().getCookie(SESSION_COOKIE);
        if (cookie == null || cookie.getValue().isBlank()) {
            return Uni.createFrom().nullItem();
        }
        // An ended session makes the request anonymous: pages that need a user redirect to the login page, public ones
        // (the login page itself) still answer.
        return ipm.authenticate(attach(new SessionAuthenticationRequest(cookie.getValue()), ctx)).onFailure().recoverWithNull();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext ctx) {
        if (isApi(ctx)) {
            return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Basic realm=\"tingfeng\", charset=\"UTF-8\""));
        }
        return Uni.createFrom().item(new ChallengeData(302, "Location", "/"));
    }

    @Override
    public Uni<Boolean> sendChallenge(RoutingContext ctx) {
        var response = ctx.response();
        if (response.ended() || response.headWritten()) {
            return Uni.createFrom().item(true);
        }
        if (isApi(ctx)) {
            Instant until = ctx.get(LOCKED_UNTIL);
            String body;
            if (until != null) {
                long seconds = Math.max(1, Duration.between(Instant.now(), until).getSeconds());
                response.setStatusCode(429).putHeader("Retry-After", Long.toString(seconds));
                body = "{\"error\":\"locked\",\"message\":\"登录失败次数过多，已临时锁定，请 " + ((seconds + 59) / 60)
                        + " 分钟后再试\",\"details\":[]}";
            } else {
                response.setStatusCode(401).putHeader("WWW-Authenticate", "Basic realm=\"tingfeng\", charset=\"UTF-8\"");
                body = "{\"error\":\"unauthorized\",\"message\":\"需要登录：请使用 HTTP Basic 认证或 API 令牌（Authorization: Bearer）\",\"details\":[]}";
            }
            response.putHeader("Content-Type", "application/json; charset=UTF-8");
            return Uni.createFrom().completionStage(response.end(body).toCompletionStage()).replaceWith(true);
        }
        response.setStatusCode(302).putHeader("Location", "/");
        return Uni.createFrom().completionStage(response.end().toCompletionStage()).replaceWith(true);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(UsernamePasswordAuthenticationRequest.class, SessionAuthenticationRequest.class,
                ApiTokenAuthenticationRequest.class);
    }

    static boolean isApi(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        return path.equals("/api") || path.startsWith("/api/");
    }

    private static <T extends AuthenticationRequest> T attach(T request, RoutingContext ctx) {
        HttpSecurityUtils.setRoutingContextAttribute(request, ctx);
        return request;
    }
}
