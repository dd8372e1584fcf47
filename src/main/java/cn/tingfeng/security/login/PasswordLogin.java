package cn.tingfeng.security.login;

import cn.tingfeng.security.AppUser;
import cn.tingfeng.security.SecurityConfig;
import cn.tingfeng.security.UserRepository;
import cn.tingfeng.security.login.LoginAttempt.Outcome;
import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The password check of form sign-in and HTTP Basic: throttle first, then bcrypt, every attempt recorded. A Basic
 * credential verified in the last {@code credential-cache-ttl} skips bcrypt and the record (see {@link CredentialCache}).
 */
@ApplicationScoped
public class PasswordLogin {
    /** Checked when the user does not exist, so that response time does not tell which names exist. */
    private static final String DUMMY_HASH = BcryptUtil.bcryptHash(UUID.randomUUID().toString());

    @Inject
    UserRepository users;
    @Inject
    LoginAttempts attempts;
    @Inject
    SecurityConfig config;
    @Inject
    Clock clock;

    private CredentialCache cache;

    @PostConstruct
    void init() {
        cache = new CredentialCache(clock, config.credentialCacheTtl());
    }

    /**
     * The account, or {@link SignInRefused}. {@code mechanism} is {@code form} or {@code basic}; {@code knownDevice}
     * tells that the browser holds a valid device cookie for this account.
     */
    @ActivateRequestContext
    public AppUser verify(String username, String password, String address, String mechanism, boolean knownDevice) {
        String name = username == null ? "" : username.strip();
        if ("basic".equals(mechanism)) {
            Optional<AppUser> cached = fromCache(name, password);
            if (cached.isPresent()) {
                return cached.get();
            }
        }
        Instant now = Instant.now(clock);
        Optional<ThrottlePolicy.Lock> lock = attempts.policy().lock(attempts.counts(name, address), knownDevice, now);
        if (lock.isPresent()) {
            attempts.record(name, address, mechanism, Outcome.LOCKED, knownDevice);
            throw new SignInRefused("locked (" + lock.get().scope() + ")", lock.get().until());
        }
        AppUser user = find(name);
        if (user == null) {
            BcryptUtil.matches(password, DUMMY_HASH);
            attempts.record(name, address, mechanism, Outcome.UNKNOWN_USER, knownDevice);
            throw new SignInRefused("bad credentials", null);
        }
        if (!BcryptUtil.matches(password, user.passwordHash)) {
            attempts.record(name, address, mechanism, Outcome.BAD_PASSWORD, knownDevice);
            throw new SignInRefused("bad credentials", null);
        }
        if (!user.enabled) {
            attempts.record(name, address, mechanism, Outcome.DISABLED, knownDevice);
            throw new SignInRefused("bad credentials", null);
        }
        attempts.record(name, address, mechanism, Outcome.OK, knownDevice);
        if ("basic".equals(mechanism)) {
            cache.put(name, password, user.id, user.passwordHash);
        }
        return user;
    }

    /** Forget cached credentials of an account on this node (password changed, account disabled). */
    public void forget(long userId) {
        cache.forget(userId);
    }

    @Transactional
    AppUser find(String name) {
        AppUser user = users.findByUsername(name).orElse(null);
        if (user != null) {
            user.roles.size();
        }
        return user;
    }

    @Transactional
    Optional<AppUser> fromCache(String name, String password) {
        return cache.get(name, password).flatMap(e -> Optional.ofNullable(users.findById(e.userId()))
                .filter(u -> u.enabled && u.passwordHash.equals(e.passwordHash()) && u.username.equals(name))
                .map(u -> {
                    u.roles.size();
                    return u;
                }));
    }
}
