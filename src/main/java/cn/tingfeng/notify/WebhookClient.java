package cn.tingfeng.notify;

import cn.tingfeng.shared.net.AllowList;
import cn.tingfeng.shared.net.OutboundGuard;
import cn.tingfeng.shared.net.PinnedHttp;
import cn.tingfeng.shared.net.Resolver;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every outgoing webhook POST (alert routes, the tracker's 企业微信 / 钉钉 robots) goes through here: the target
 * passes the same SSRF guard as the crawler (public addresses only, plus the {@code tingfeng.notify.allowed-hosts}
 * allow-list), the host is resolved once and the connection goes to the checked address ({@link PinnedHttp}), no
 * redirect is followed. Checked when a route is saved ({@link #refusal(String)}) and again on every send.
 */
@ApplicationScoped
public class WebhookClient {

    /** The robot's answer: status and (at most 64 KB of) body. */
    public record Answer(int status, String body) {
    }

    private static final int MAX_ANSWER = 64 * 1024;

    @Inject
    NotifyConfig config;

    private OutboundGuard guard;

    @PostConstruct
    void init() {
        AllowList allow;
        try {
            allow = AllowList.parse(config.allowedHosts().orElse(List.of()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("tingfeng.notify.allowed-hosts: " + e.getMessage(), e);
        }
        guard = new OutboundGuard(Resolver.SYSTEM, allow);
    }

    /** For tests and non-CDI use. */
    public static WebhookClient with(Resolver resolver, AllowList allow) {
        WebhookClient c = new WebhookClient();
        c.guard = new OutboundGuard(resolver, allow);
        return c;
    }

    /**
     * Null when the target may be used, else the reason (Chinese). A name that does not resolve now is not refused
     * here (DNS can be down for a moment); the send checks it again.
     */
    public String refusal(String url) {
        URI u;
        try {
            u = new URI(url.strip());
        } catch (URISyntaxException | NullPointerException e) {
            return "地址格式错误";
        }
        try {
            guard.check(u, false);
            return null;
        } catch (OutboundGuard.Refused r) {
            return r.getMessage();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** POSTs a JSON body; throws {@link WebhookRefused} when the guard refuses the target (nothing is sent). */
    public Answer postJson(String url, String json, Duration timeout) throws IOException {
        URI u;
        try {
            u = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new WebhookRefused("地址格式错误");
        }
        OutboundGuard.Target target;
        try {
            target = guard.check(u, false);
        } catch (OutboundGuard.Refused r) {
            throw new WebhookRefused(r.getMessage());
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json; charset=utf-8");
        headers.put("Accept", "application/json");
        headers.put("User-Agent", "Tingfeng-Notify");
        try (PinnedHttp.Response r = PinnedHttp.exchange(new PinnedHttp.Request("POST", target, headers,
                json.getBytes(StandardCharsets.UTF_8), timeout, timeout, timeout))) {
            InputStream in = r.body();
            byte[] body = in.readNBytes(MAX_ANSWER);
            return new Answer(r.status(), new String(body, StandardCharsets.UTF_8));
        }
    }
}
