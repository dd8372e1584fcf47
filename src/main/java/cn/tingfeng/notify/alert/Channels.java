package cn.tingfeng.notify.alert;

import cn.tingfeng.notify.Alert;
import cn.tingfeng.notify.DingTalkSigner;
import cn.tingfeng.notify.RobotMessages;
import cn.tingfeng.notify.WebhookClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

/**
 * Sends one alert over one route: e-mail through quarkus-mailer, 企业微信 / 钉钉 robots over HTTPS (钉钉 signed) through
 * {@link WebhookClient}, which refuses internal targets (not allow-listed) with {@code WebhookRefused}.
 */
@ApplicationScoped
public class Channels {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Mailer mailer;
    @Inject
    Clock clock;
    @Inject
    AlertsConfig config;
    @Inject
    WebhookClient webhooks;

    /** Throws when the message was not accepted. */
    public void send(Alert alert, AlertRoute route) throws IOException, InterruptedException {
        RobotMessages messages = new RobotMessages(config.zone());
        switch (route.channel) {
            case "EMAIL" -> mailer.send(Mail.withText(route.target, "【" + alert.kind().label() + "】" + oneLine(alert.title()),
                    messages.markdown(alert)));
            case "WECOM" -> post(route.target, messages.weComBody(alert));
            case "DINGTALK" -> post(route.secret == null || route.secret.isBlank() ? route.target
                    : DingTalkSigner.signedUrl(route.target, route.secret, clock.instant()), messages.dingTalkBody(alert));
            default -> throw new IllegalStateException("unknown channel " + route.channel);
        }
    }

    private void post(String url, String body) throws IOException, InterruptedException {
        WebhookClient.Answer response = webhooks.postJson(url, body, Duration.ofSeconds(15));
        if (response.status() / 100 != 2) {
            throw new IOException("webhook answered HTTP " + response.status());
        }
        // both robots answer {"errcode":0,"errmsg":"ok"}; any other errcode is a refusal (bad signature, limit ...)
        try {
            JsonNode answer = JSON.readTree(response.body());
            if (answer != null && answer.has("errcode") && answer.get("errcode").asInt() != 0) {
                throw new IOException("webhook refused: " + answer);
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // not JSON: accepted by status
        }
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("[\\r\\n]+", " ");
    }
}
