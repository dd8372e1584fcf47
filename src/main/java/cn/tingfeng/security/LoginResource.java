package cn.tingfeng.security;

import cn.tingfeng.security.login.KnownDevices;
import cn.tingfeng.security.login.PasswordLogin;
import cn.tingfeng.security.login.SignInRefused;
import cn.tingfeng.security.session.Sessions;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Form sign-in ({@code POST /j_security_check}, fields {@code j_username}, {@code j_password}) and logout
 * ({@code POST /logout}). Sign-in is throttled and recorded like HTTP Basic; a browser that signed in before carries a
 * signed known-device cookie that keeps it out of the account's lock (see {@link cn.tingfeng.security.login.ThrottlePolicy}).
 */
@Path("/")
public class LoginResource {
    @Inject
    PasswordLogin login;
    @Inject
    Sessions sessions;
    @Inject
    SigningKeys keys;
    @Inject
    SecurityConfig config;
    @Inject
    SecurityIdentity identity;
    @Inject
    Clock clock;

    @POST
    @Path("j_security_check")
    @PermitAll
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    public Response signIn(@FormParam("j_username") String username, @FormParam("j_password") String password,
            RoutingContext ctx) {
        String name = username == null ? "" : username.strip();
        if (name.isEmpty() || password == null || password.isEmpty() || name.length() > 64 || password.length() > 200) {
            return Response.status(302).location(URI.create("/?error=1")).build();
        }
        Instant now = Instant.now(clock);
        io.vertx.core.http.Cookie device = ctx.request().getCookie(KnownDevices.COOKIE);
        boolean known = device != null && keys.devices().knows(device.getValue(), name, now);
        String address = ClientAddress.of(ctx);
        AppUser user;
        try {
            user = login.verify(name, password, address, "form", known);
        } catch (SignInRefused e) {
            if (e.locked()) {
                long minutes = Math.max(1, (Duration.between(now, e.lockedUntil()).getSeconds() + 59) / 60);
                return Response.status(302).location(URI.create("/?error=locked&minutes=" + minutes)).build();
            }
            return Response.status(302).location(URI.create("/?error=1")).build();
        }
        Sessions.Created created = sessions.create(user, address, ctx.request().getHeader("User-Agent"));
        boolean secure = secure(ctx);
        NewCookie session = new NewCookie.Builder(TingfengAuthMechanism.SESSION_COOKIE).value(created.token()).path("/")
                .httpOnly(true).secure(secure).sameSite(NewCookie.SameSite.STRICT).build();
        NewCookie deviceCookie = new NewCookie.Builder(KnownDevices.COOKIE).value(keys.devices().issue(user.username, now))
                .path("/").httpOnly(true).secure(secure).sameSite(NewCookie.SameSite.STRICT)
                .maxAge((int) KnownDevices.VALIDITY.getSeconds()).build();
        return Response.status(302).location(URI.create("/home")).cookie(session, deviceCookie).build();
    }

    /** Ends this browser's session on the server (a copied cookie stops working too) and clears the cookie. */
    @POST
    @Path("logout")
    @PermitAll
    public Response logout(RoutingContext ctx) {
        Object id = identity.getAttribute(UserIdentities.SESSION_ID);
        if (id instanceof Long sessionId) {
            sessions.revoke(sessionId, "logout");
        }
        return Response.seeOther(URI.create("/?loggedOut=1")).cookie(expired(ctx)).build();
    }

    /** A link cannot end a session (that would let any page log a user out): the page shows the logout button. */
    @GET
    @Path("logout")
    @PermitAll
    public Response logoutPage() {
        return Response.seeOther(URI.create(identity.isAnonymous() ? "/" : "/home")).build();
    }

    private NewCookie expired(RoutingContext ctx) {
        return new NewCookie.Builder(TingfengAuthMechanism.SESSION_COOKIE).value("").path("/").maxAge(0).httpOnly(true)
                .secure(secure(ctx)).sameSite(NewCookie.SameSite.STRICT).build();
    }

    private boolean secure(RoutingContext ctx) {
        return switch (config.cookieSecure()) {
            case "always" -> true;
            case "never" -> false;
            default -> ClientAddress.secure(ctx);
        };
    }
}
