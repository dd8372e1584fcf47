package cn.tingfeng.security.session;

import cn.tingfeng.security.AppUser;
import cn.tingfeng.security.Secrets;
import cn.tingfeng.security.SecurityConfig;
import cn.tingfeng.security.UserRepository;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Browser sessions kept on the server (table {@code app_session}): created at sign-in, looked up on every request,
 * ended by logout, password change, account disabled or an administrator, and by the idle and absolute timeouts.
 */
@ApplicationScoped
public class Sessions implements PanacheRepository<UserSession> {
    /** A session in force and its account. */
    public record Active(UserSession session, AppUser user) {
    }

    /** A session for the administrator's list. */
    public record SessionView(Long id, String username, Instant createdAt, Instant lastSeenAt, Instant expiresAt,
            String address, String userAgent) {
    }

    /** A new session: the cookie value (shown once, never stored) and its row. */
    public record Created(String token, UserSession session) {
    }

    @Inject
    SecurityConfig config;
    @Inject
    UserRepository users;
    @Inject
    Clock clock;

    @Transactional
    public Created create(AppUser user, String address, String userAgent) {
        Instant now = Instant.now(clock);
        String token = Secrets.randomToken(32);
        UserSession s = new UserSession();
        s.tokenHash = Secrets.sha256(token);
        s.userId = user.id;
        s.createdAt = now;
        s.lastSeenAt = now;
        s.expiresAt = now.plus(config.sessionAbsoluteTimeout());
        s.address = clip(address, 64);
        s.userAgent = clip(userAgent, 300);
        persist(s);
        return new Created(token, s);
    }

    /** The session of this cookie value, when it is in force; touches {@code last_seen_at} at most once a minute. */
    @Transactional
    public Optional<Active> resolve(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        UserSession s = find("tokenHash", Secrets.sha256(token)).firstResult();
        if (s == null || s.revokedAt != null) {
            return Optional.empty();
        }
        Instant now = Instant.now(clock);
        if (!s.expiresAt.isAfter(now) || !s.lastSeenAt.plus(config.sessionIdleTimeout()).isAfter(now)) {
            return Optional.empty();
        }
        AppUser user = users.findById(s.userId);
        if (user == null || !user.enabled) {
            return Optional.empty();
        }
        user.roles.size();
        if (!s.lastSeenAt.plus(config.sessionTouchInterval()).isAfter(now)) {
            s.lastSeenAt = now;
        }
        return Optional.of(new Active(s, user));
    }

    @Transactional
    public void revoke(long sessionId, String why) {
        update("revokedAt = ?1, revokedWhy = ?2 where id = ?3 and revokedAt is null", Instant.now(clock), why, sessionId);
    }

    /** Ends every session of an account except {@code keep} (null: all); returns how many. */
    @Transactional
    public int revokeAll(long userId, String why, Long keep) {
        Instant now = Instant.now(clock);
        if (keep == null) {
            return update("revokedAt = ?1, revokedWhy = ?2 where userId = ?3 and revokedAt is null", now, why, userId);
        }
        return update("revokedAt = ?1, revokedWhy = ?2 where userId = ?3 and revokedAt is null and id <> ?4",
                now, why, userId, keep);
    }

    /** Sessions in force now, newest first. */
    @Transactional
    public List<SessionView> active() {
        Instant now = Instant.now(clock);
        Map<Long, String> names = new java.util.HashMap<>();
        users.listAll().forEach(u -> names.put(u.id, u.username));
        return list("revokedAt is null and expiresAt > ?1 and lastSeenAt > ?2 order by lastSeenAt desc",
                now, now.minus(config.sessionIdleTimeout())).stream()
                .map(s -> new SessionView(s.id, names.get(s.userId), s.createdAt, s.lastSeenAt, s.expiresAt, s.address,
                        s.userAgent)).toList();
    }

    private static String clip(String s, int max) {
        return s == null ? null : s.length() <= max ? s : s.substring(0, max);
    }
}
