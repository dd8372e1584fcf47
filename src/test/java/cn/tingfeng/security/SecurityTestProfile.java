package cn.tingfeng.security;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The shipped sign-in defaults (the {@code %test} profile relaxes them for the other tests), and a trusted proxy on
 * loopback so that tests can play clients at different addresses ({@code X-Forwarded-For}) and over HTTPS
 * ({@code X-Forwarded-Proto}).
 */
public class SecurityTestProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "tingfeng.security.session-idle-timeout", "PT30M",
                "tingfeng.security.session-absolute-timeout", "PT12H",
                "tingfeng.security.account-max-failures", "5",
                "tingfeng.security.address-max-failures", "20",
                "quarkus.http.proxy.proxy-address-forwarding", "true",
                "quarkus.http.proxy.allow-x-forwarded", "true",
                "quarkus.http.proxy.enable-forwarded-host", "false",
                "quarkus.http.proxy.trusted-proxies", "127.0.0.1,::1");
    }
}
