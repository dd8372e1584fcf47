package cn.tingfeng.security;

import cn.tingfeng.security.login.KnownDevices;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The server's signing key for CSRF tokens and known-device cookies: {@code tingfeng.security.signing-key}, else the
 * session key (TINGFENG_SESSION_KEY or {@code <data-dir>/session.key}, see {@link SessionKeyConfigSource}). Every
 * instance of a cluster must share it, as it shares the session key.
 */
@ApplicationScoped
public class SigningKeys {
    @Inject
    SecurityConfig config;

    private volatile byte[] key;
    private volatile KnownDevices devices;

    public byte[] key() {
        byte[] k = key;
        if (k == null) {
            String value = config.signingKey().filter(s -> !s.isBlank()).orElseGet(() -> ConfigProvider.getConfig()
                    .getOptionalValue(SessionKeyConfigSource.KEY, String.class)
                    .orElseThrow(() -> new IllegalStateException("no session key configured")));
            k = ("tingfeng:" + value).getBytes(StandardCharsets.UTF_8);
            key = k;
        }
        return k;
    }

    public KnownDevices devices() {
        KnownDevices d = devices;
        if (d == null) {
            d = new KnownDevices(key());
            devices = d;
        }
        return d;
    }

    /** The CSRF token of a session: derived from the session, so it cannot be planted by another site. */
    public String csrfToken(String sessionTokenHash) {
        return Secrets.hmac(key(), "csrf:" + sessionTokenHash);
    }
}
