package cn.tingfeng.notify;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;

/**
 * 钉钉 robot signing ("加签"): sign = urlEncode(base64(HmacSHA256(key = secret, data = timestamp + "\n" +
 * secret))), timestamp in milliseconds; both are appended to the webhook URL.
 */
public final class DingTalkSigner {

    private DingTalkSigner() {
    }

    public static String sign(long timestampMillis, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] h = mac.doFinal((timestampMillis + "\n" + secret).getBytes(StandardCharsets.UTF_8));
            return URLEncoder.encode(Base64.getEncoder().encodeToString(h), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The webhook URL with {@code timestamp} and {@code sign} parameters for the given instant. */
    public static String signedUrl(String webhookUrl, String secret, Instant now) {
        long ts = now.toEpochMilli();
        return webhookUrl + (webhookUrl.contains("?") ? "&" : "?") + "timestamp=" + ts + "&sign=" + sign(ts, secret);
    }
}
