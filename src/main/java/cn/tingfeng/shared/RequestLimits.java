package cn.tingfeng.shared;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Over-long request URLs get a clear 414 with a Chinese message (JSON for the API, a page for the web UI). The HTTP
 * layer accepts request lines up to {@code quarkus.http.limits.max-initial-line-length} (16 KiB here); this filter
 * answers anything longer than {@link #MAX_URI} characters before it reaches an endpoint. Request lines beyond the
 * HTTP layer's own limit are refused by Vert.x itself with an empty 414 (docs/security.md).
 */
@ApplicationScoped
public class RequestLimits {
    public static final int MAX_URI = 8192;

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            String uri = rc.request().uri();
            if (uri != null && uri.length() > MAX_URI) {
                boolean web = ErrorPages.isWeb(rc.request().path());
                rc.response().setStatusCode(414)
                        .putHeader("Content-Type", (web ? "text/html" : "application/json") + "; charset=UTF-8")
                        .end(web ? ErrorPages.html(414, "请求地址过长（超过 " + MAX_URI + " 个字符）。")
                                : "{\"error\":\"uri_too_long\",\"message\":\"请求地址过长（超过 " + MAX_URI
                                        + " 个字符），请把参数放在请求体中\",\"details\":[]}");
                return;
            }
            rc.next();
        }, 200);
    }
}
