package cn.tingfeng.tracking.notify;

import jakarta.enterprise.context.ApplicationScoped;
import cn.tingfeng.notify.WebhookClient;
import cn.tingfeng.notify.WebhookRefused;
import cn.tingfeng.tracking.TrackingConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * 企业微信 and 钉钉 group robots: a JSON "text" message POSTed through {@link WebhookClient} (SSRF guard, allow-list
 * {@code tingfeng.notify.allowed-hosts}, connection to the checked address). The configured URLs are checked at
 * start (an error is logged) and on every send (a refused target is logged and nothing is sent).
 */
@ApplicationScoped
public class WebhookSender {
    private static final Logger LOG = Logger.getLogger(WebhookSender.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Clock clock;
    @Inject
    WebhookClient webhooks;
    @Inject
    TrackingConfig config;

    void checkTargets(@Observes StartupEvent event) {
        TrackingConfig.Notify n = config.notifications();
        n.wecomUrl().ifPresent(u -> checkTarget("tracking.notify.wecom-url", u));
        n.dingtalkUrl().ifPresent(u -> checkTarget("tracking.notify.dingtalk-url", u));
    }

    private void checkTarget(String property, String url) {
        String refused = webhooks.refusal(url);
        if (refused != null) {
            LOG.errorf("%s 不允许：%s（内网机器人需加入 tingfeng.notify.allowed-hosts），督办消息不会发往该地址", property, refused);
        }
    }

    public void postWecom(String url, String text) {
        post(url, text);
    }

    /** With a secret, appends {@code timestamp} and {@code sign} = Base64(HmacSHA256(secret, timestamp + "\n" + secret)). */
    public void postDingtalk(String url, String secret, String text) {
        String target = url;
        if (secret != null && !secret.isBlank()) {
            long timestamp = clock.millis();
            target = url + (url.contains("?") ? "&" : "?") + "timestamp=" + timestamp + "&sign="
                    + URLEncoder.encode(dingtalkSign(timestamp, secret), StandardCharsets.UTF_8);
        }
        post(target, text);
    }

    public static String dingtalkSign(long timestamp, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] sig = mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private void post(String url, String text) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("msgtype", "text");
        body.put("text", Map.of("content", text));
        try {
            WebhookClient.Answer res = webhooks.postJson(url, JSON.writeValueAsString(body), Duration.ofSeconds(10));
            if (res.status() / 100 != 2) LOG.warnf("webhook %s answered %d: %s", URI.create(url).getHost(), res.status(), res.body());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (WebhookRefused e) {
            LOG.errorf("webhook refused, nothing sent: %s", e.getMessage());
        } catch (Exception e) {
            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
            LOG.errorf("webhook %s failed: %s", URI.create(url).getHost(), e.toString());
        }
    }
}
