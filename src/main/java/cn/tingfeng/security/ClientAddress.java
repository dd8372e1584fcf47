package cn.tingfeng.security;

import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;

/**
 * The caller's address for records and throttling: the peer of the connection, or — only when
 * {@code quarkus.http.proxy.proxy-address-forwarding=true} is set for a trusted reverse proxy — the address the proxy
 * reports (Quarkus then rewrites the remote address). A forged {@code X-Forwarded-For} is never read here.
 */
public final class ClientAddress {
    private ClientAddress() {
    }

    public static String of(RoutingContext ctx) {
        SocketAddress a = ctx.request().remoteAddress();
        if (a == null) {
            return "unknown";
        }
        String host = a.hostAddress() != null ? a.hostAddress() : a.host();
        return host == null ? "unknown" : host;
    }

    /** True when the request reached the application over HTTPS (directly, or as a trusted proxy reports it). */
    public static boolean secure(RoutingContext ctx) {
        return "https".equalsIgnoreCase(ctx.request().scheme()) || ctx.request().isSSL();
    }
}
