package cn.tingfeng.security;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * {@code Strict-Transport-Security} on responses to HTTPS requests (directly, or through a trusted proxy with
 * {@code quarkus.http.proxy.proxy-address-forwarding=true}): browsers then never fall back to plain HTTP. Not sent
 * over plain HTTP, where browsers ignore it and where a development machine must stay reachable. The other headers
 * (CSP, Permissions-Policy, …) are set in application.properties.
 */
@ApplicationScoped
public class SecurityHeaders {
    static final String HSTS = "max-age=31536000; includeSubDomains";

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            if (ClientAddress.secure(rc)) {
                rc.response().putHeader("Strict-Transport-Security", HSTS);
            }
            rc.next();
        }, 100);
    }
}
