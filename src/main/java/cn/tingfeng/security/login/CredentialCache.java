package cn.tingfeng.security.login;

import cn.tingfeng.security.Secrets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HTTP Basic credentials verified recently, so that a script's every request does not cost a bcrypt check. Keyed by
 * an HMAC of user name and password under a key made at start (never stored), holding the password hash the check was
 * made against: a password change or reset makes the entry useless at once on every node, and the caller checks that
 * the account is still enabled. Only successful checks are remembered; a wrong password always goes to bcrypt and to
 * the throttle.
 */
public final class CredentialCache {
    private static final int MAX_ENTRIES = 10_000;

    public record Entry(long userId, String passwordHash, Instant until) {
    }

    private final byte[] key = Secrets.randomToken(32).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration ttl;

    public CredentialCache(Clock clock, Duration ttl) {
        this.clock = clock;
        this.ttl = ttl;
    }

    public Optional<Entry> get(String username, String password) {
        if (ttl.isZero()) {
            return Optional.empty();
        }
        String k = key(username, password);
        Entry e = entries.get(k);
        if (e == null) {
            return Optional.empty();
        }
        if (!e.until().isAfter(Instant.now(clock))) {
            entries.remove(k, e);
            return Optional.empty();
        }
        return Optional.of(e);
    }

    public void put(String username, String password, long userId, String passwordHash) {
        if (ttl.isZero()) {
            return;
        }
        if (entries.size() >= MAX_ENTRIES) {
            Instant now = Instant.now(clock);
            entries.values().removeIf(e -> !e.until().isAfter(now));
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
        }
        entries.put(key(username, password), new Entry(userId, passwordHash, Instant.now(clock).plus(ttl)));
    }

    /** Forget every entry of one account (password change, disable) on this node; other nodes see the new hash. */
    public void forget(long userId) {
        entries.values().removeIf(e -> e.userId() == userId);
    }

    private String key(String username, String password) {
        return Secrets.hmac(key, username + '\u0000' + password);
    }
}
