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
                boolean web = ErrorPages.isWeb(rc.request().path());
                String mb = (limit / (1024 * 1024)) + " MB";
                rc.response().setStatusCode(413).putHeader("Connection", "close")
                        .putHeader("Content-Type", (web ? "text/html" : "application/json") + "; charset=UTF-8")
                        .end(web ? ErrorPages.html(413, "提交的内容超过 " + mb + " 上限，没有保存。请减少或压缩附件后重新提交。")
                                : "{\"error\":\"payload_too_large\",\"message\":\"请求体超过 " + mb + " 上限\",\"details\":[]}");
                return;
            }
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

    private static boolean tooLong(String contentLength, long limit) {
        try {
            return Long.parseLong(contentLength.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;  // the HTTP layer refuses a malformed length itself
        }
    }
}
