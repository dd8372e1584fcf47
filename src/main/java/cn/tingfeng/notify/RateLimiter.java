package cn.tingfeng.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Sliding-window rate limit per route: at most {@code max} messages in any {@code window} (钉钉 robots
 * accept 20 a minute). Thread-safe.
 */
public final class RateLimiter {

    public record Limit(int max, Duration window) {
    }

    private final Map<String, Deque<Instant>> sent = new HashMap<>();

    /** Takes a slot and returns true, or returns false when the route is at its limit. */
    public synchronized boolean tryAcquire(String route, Limit limit, Instant now) {
        Deque<Instant> q = prune(route, limit, now);
        if (q.size() >= limit.max()) {
            return false;
        }
        q.addLast(now);
        return true;
    }

    /** When the next slot frees up ({@code now} if one is free). */
    public synchronized Instant nextSlot(String route, Limit limit, Instant now) {
        Deque<Instant> q = prune(route, limit, now);
        return q.size() < limit.max() ? now : q.peekFirst().plus(limit.window());
    }

    private Deque<Instant> prune(String route, Limit limit, Instant now) {
        Deque<Instant> q = sent.computeIfAbsent(route, k -> new ArrayDeque<>());
        while (!q.isEmpty() && !q.peekFirst().plus(limit.window()).isAfter(now)) {
            q.removeFirst();
        }
        return q;
    }
}
