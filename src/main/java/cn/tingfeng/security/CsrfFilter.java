package cn.tingfeng.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * Refuses state-changing requests that another site made a browser send (docs/security.md, "CSRF"):
 * <ol>
 *   <li>A browser says where a request comes from ({@code Sec-Fetch-Site}, {@code Origin}); anything but the
 *   application's own origin is refused — including another port of the same host, which a browser counts as the
 *   same <em>site</em> (so {@code SameSite=Strict} cookies alone do not stop it).</li>
 *   <li>With a browser session, the form field {@code _csrf} (or the header {@code X-CSRF-Token} for scripts of the
 *   pages) must carry the session's token, an HMAC of the session under the server key: another page cannot read it
 *   and cannot plant one.</li>
 * </ol>
 * Scripts on {@code /api/*} (HTTP Basic or API tokens, no cookies) send neither header and no token: they pass.
 */
public class CsrfFilter {
    private static final Logger LOG = Logger.getLogger(CsrfFilter.class);
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Inject
    SecurityIdentity identity;
    @Inject
    SigningKeys keys;

    @WithFormRead
    @ServerRequestFilter
    public Optional<Response> check(ResteasyReactiveContainerRequestContext request, HttpServerRequest http) {
        if (SAFE.contains(request.getMethod().toUpperCase(Locale.ROOT))) {
            return Optional.empty();
        }
        String own = http.scheme() + "://" + http.authority();
        String fetchSite = request.getHeaderString("Sec-Fetch-Site");
        if (fetchSite != null && !fetchSite.equalsIgnoreCase("same-origin") && !fetchSite.equalsIgnoreCase("none")) {
            return refuse(request, "Sec-Fetch-Site " + fetchSite);
        }
        String origin = request.getHeaderString("Origin");
        if (origin != null && !sameOrigin(origin, own)) {
            return refuse(request, "Origin " + origin);
        }
        Object hash = identity.getAttribute(UserIdentities.SESSION_HASH);
        if (hash instanceof String h) {
            String sent = request.getHeaderString(CsrfToken.HEADER);
            if (sent == null) {
                sent = formField(request);
            }
            if (!Secrets.same(sent, keys.csrfToken(h))) {
                return refuse(request, sent == null ? "no token" : "wrong token");
            }
        }
        return Optional.empty();
    }

    private static String formField(ResteasyReactiveContainerRequestContext request) {
        MediaType type = request.getMediaType();
        if (type == null || !(type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                || "multipart".equalsIgnoreCase(type.getType()))) {
            return null;
        }
        ResteasyReactiveRequestContext ctx = (ResteasyReactiveRequestContext) request.getServerRequestContext();
        Object value = ctx.getFormParameter(CsrfToken.FIELD, true, false);
        if (value instanceof org.jboss.resteasy.reactive.server.multipart.FormValue f) {
            return f.isFileItem() ? null : f.getValue();
        }
        return value instanceof String s ? s : null;
    }

    static boolean sameOrigin(String origin, String own) {
        try {
            URI a = URI.create(origin.strip());
            URI b = URI.create(own);
            return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme())
                    && a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost()) && port(a) == port(b);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static int port(URI u) {
        return u.getPort() != -1 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    private Optional<Response> refuse(ContainerRequestContext request, String why) {
        String path = request.getUriInfo().getPath();
        LOG.warnf("跨站请求已拒绝：%s %s（%s，用户 %s）", request.getMethod(), path, why,
                identity.isAnonymous() ? "匿名" : identity.getPrincipal().getName());
        if (path.startsWith("/api")) {
            return Optional.of(Response.status(403).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                    .entity(cn.tingfeng.shared.ApiError.of("csrf", "请求来自其他网站，已拒绝")).build());
        }
        String html = "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>请求已拒绝 · 听风</title>"
                + "<link rel=\"stylesheet\" href=\"/static/app.css\"></head><body><main><section class=\"card\">"
                + "<h1>请求已拒绝</h1><p>这个表单不是从听风自己的页面提交的，或者页面已经过期。"
                + "请返回听风的页面，刷新后重新提交。</p><p><a href=\"/home\">返回工作台</a></p></section></main></body></html>";
        return Optional.of(Response.status(403).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build());
    }
}
