package cn.tingfeng.security.login;

import cn.tingfeng.security.Secrets;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * The known-device cookie ({@code tingfeng-device}): set at a successful form sign-in, signed, naming the account and
 * when it was issued. A browser that presents a valid one for the account it signs in to is not held by the
 * account's lock (OWASP's "device cookie" defence against locking an account out by guessing at it).
 */
public final class KnownDevices {
    public static final String COOKIE = "tingfeng-device";
    public static final Duration VALIDITY = Duration.ofDays(180);

    private final byte[] key;

    public KnownDevices(byte[] key) {
        this.key = key.clone();
    }

    public String issue(String username, Instant now) {
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(username.getBytes(StandardCharsets.UTF_8))
                + "." + now.getEpochSecond();
        return payload + "." + Secrets.hmac(key, "device:" + payload);
    }

    /** True when {@code cookie} is a valid, unexpired device cookie for {@code username}. */
    public boolean knows(String cookie, String username, Instant now) {
        if (cookie == null || username == null) {
            return false;
        }
        String[] parts = cookie.split("\\.");
        if (parts.length != 3) {
            return false;
        }
        String payload = parts[0] + "." + parts[1];
        if (!Secrets.same(parts[2], Secrets.hmac(key, "device:" + payload))) {
            return false;
        }
        try {
            String name = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
            Instant issued = Instant.ofEpochSecond(Long.parseLong(parts[1]));
            return name.equals(username) && !issued.isAfter(now) && issued.plus(VALIDITY).isAfter(now);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
