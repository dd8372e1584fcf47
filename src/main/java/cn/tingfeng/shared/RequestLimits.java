package cn.tingfeng.shared;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Over-long request URLs get a clear 414 with a Chinese message (JSON for the API, a page for the web UI). The HTTP
 * layer accepts request lines up to {@code quarkus.http.limits.max-initial-line-length} (16 KiB here); this filter
 * answers anything longer than {@link #MAX_URI} characters before it reaches an endpoint. Request lines beyond the
 * HTTP layer's own limit are refused by Vert.x itself with an empty 414 (docs/security.md).
 *
 * <p>Likewise a body announced ({@code Content-Length}) above {@code quarkus.http.limits.max-body-size} gets a 413 with
 * the limit in Chinese before any of it is read. (A chunked body without a length that grows past the limit is still
 * cut off by the HTTP layer with an empty 413.)
 */
@ApplicationScoped
public class RequestLimits {
    public static final int MAX_URI = 8192;

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.http.limits.max-body-size")
    java.util.Optional<io.quarkus.runtime.configuration.MemorySize> maxBody;

    void register(@Observes Filters filters) {
        long limit = maxBody.map(io.quarkus.runtime.configuration.MemorySize::asLongValue).orElse(Long.MAX_VALUE);
        filters.register(rc -> {
            String length = rc.request().getHeader("Content-Length");
            if (length != null && tooLong(length, limit)) {
                String mb = (limit / (1024 * 1024)) + " MB";
                rc.response().putHeader("Connection", "close");  // the body is not read: the connection cannot be reused
                refuse(rc, 413, "提交的内容超过 " + mb + " 上限，没有保存。请减少或压缩附件后重新提交。", "payload_too_large",
                        "请求体超过 " + mb + " 上限");
                return;
            }
            String uri = rc.request().uri();
            if (uri != null && uri.length() > MAX_URI) {
                refuse(rc, 414, "请求地址过长（超过 " + MAX_URI + " 个字符）。", "uri_too_long",
                        "请求地址过长（超过 " + MAX_URI + " 个字符），请把参数放在请求体中");
                return;
            }
            rc.next();
        }, 200);
    }

    /** Ends the request with {@code status}: a Chinese page for the web UI, {@link ApiError}-shaped JSON elsewhere. */
    private static void refuse(io.vertx.ext.web.RoutingContext rc, int status, String pageMessage, String error, String apiMessage) {
        boolean web = ErrorPages.isWeb(rc.request().path());
        rc.response().setStatusCode(status)
                .putHeader("Content-Type", (web ? "text/html" : "application/json") + "; charset=UTF-8")
                .end(web ? ErrorPages.html(status, pageMessage)
                        : "{\"error\":\"" + error + "\",\"message\":\"" + apiMessage + "\",\"details\":[]}");
    }

    private static boolean tooLong(String contentLength, long limit) {
        try {
            return Long.parseLong(contentLength.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;  // the HTTP layer refuses a malformed length itself
        }
    }
}
