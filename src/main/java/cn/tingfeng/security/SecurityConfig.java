package cn.tingfeng.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Sign-in, sessions, throttling and passwords, prefix {@code tingfeng.security} (docs/security.md). */
@ConfigMapping(prefix = "tingfeng.security")
public interface SecurityConfig {
    /** A browser session ends after this long without a request. */
    @WithDefault("PT30M")
    Duration sessionIdleTimeout();

    /** A browser session ends this long after sign-in, however active it is. */
    @WithDefault("PT12H")
    Duration sessionAbsoluteTimeout();

    /** {@code last_seen_at} of a session is written at most this often (one write per session per minute). */
    @WithDefault("PT1M")
    Duration sessionTouchInterval();

    /**
     * {@code Secure} attribute of the cookies: {@code auto} sets it when the request came over HTTPS (directly or, with
     * {@code quarkus.http.proxy.proxy-address-forwarding=true}, as told by the proxy), {@code always}, {@code never}.
     */
    @WithDefault("auto")
    String cookieSecure();

    /** Failed sign-ins counted within this window. */
    @WithDefault("PT15M")
    Duration throttleWindow();

    /** Failures of one account (from browsers it has not signed in from before) before it is locked. */
    @WithDefault("5")
    int accountMaxFailures();

    /** Failures from one address (any accounts) before that address is locked. */
    @WithDefault("20")
    int addressMaxFailures();

    /** How long a lock lasts after the failure that set it. */
    @WithDefault("PT15M")
    Duration lockout();

    /** A verified HTTP Basic credential is remembered this long (then bcrypt again); 0 disables the cache. */
    @WithDefault("PT60S")
    Duration credentialCacheTtl();

    /** Minimum password length for new accounts and password changes. */
    @WithDefault("10")
    int passwordMinLength();

    /** Key for CSRF tokens and known-device cookies; defaults to the session key (TINGFENG_SESSION_KEY). */
    Optional<String> signingKey();
}
