package cn.tingfeng.notify;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * Decides whether an alert goes out on a route now: never twice (by {@link AlertKey}), not in quiet hours
 * (unless a major alert may bypass them), not beyond the rate limit. An admitted alert is recorded as sent;
 * a deferred one should be offered again at {@code notBefore}. In-memory state; a service backs the sent
 * keys with a unique constraint.
 */
public final class AlertGate {

    public enum Outcome { SEND, DEFER_QUIET_HOURS, DEFER_RATE_LIMIT, DUPLICATE }

    public record Decision(Outcome outcome, String key, Instant notBefore) {
        public boolean send() {
            return outcome == Outcome.SEND;
        }
    }

    private final Clock clock;
    private final RateLimiter limiter = new RateLimiter();
    private final Set<String> sent = new HashSet<>();

    public AlertGate(Clock clock) {
        this.clock = clock;
    }

    public synchronized Decision admit(Alert alert, Route route) {
        Instant now = clock.instant();
        String key = AlertKey.of(alert, route.id());
        if (sent.contains(key)) {
            return new Decision(Outcome.DUPLICATE, key, null);
        }
        boolean major = alert.grade() != null && alert.grade().isMajor();
        if (route.quietHours().isQuiet(now) && !(major && route.majorBypassesQuiet())) {
            return new Decision(Outcome.DEFER_QUIET_HOURS, key, route.quietHours().nextAllowed(now));
        }
        if (!limiter.tryAcquire(route.id(), route.limit(), now)) {
            return new Decision(Outcome.DEFER_RATE_LIMIT, key, limiter.nextSlot(route.id(), route.limit(), now));
        }
        sent.add(key);
        return new Decision(Outcome.SEND, key, now);
    }

    /** Forget a key whose delivery failed, so that a retry is not taken for a duplicate. */
    public synchronized void deliveryFailed(String key) {
        sent.remove(key);
    }
}
