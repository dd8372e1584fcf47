package cn.tingfeng.security.login;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether a sign-in may even be tried, from the failures counted so far (a pure policy, see docs/security.md).
 *
 * <ul>
 *   <li>An <b>address</b> with {@code addressMax} failures (any accounts, not from known devices) within the window is
 *   locked for {@code lockout} after its last failure.</li>
 *   <li>An <b>account</b> with {@code accountMax} failures since its last successful sign-in, within the window, is
 *   locked for {@code lockout} after the last failure — for browsers that never signed in to it.</li>
 *   <li>A <b>known device</b> (a browser holding the signed cookie of an earlier successful sign-in to this account)
 *   is not held by the account's lock, nor by the address lock: it has its own count of {@code accountMax}. So an
 *   attacker who keeps failing against a known account name locks out only browsers that never signed in to it,
 *   and only for {@code lockout} after the attacker's last failure — never the account's owner at their desk.</li>
 * </ul>
 * Attempts refused because of a lock are recorded but not counted, so a lock always ends {@code lockout} after the
 * last real failure.
 */
public final class ThrottlePolicy {
    /** Failures counted for one attempt, each with the time of its most recent failure (null when none). */
    public record Counts(int accountFailures, Instant accountLast, int addressFailures, Instant addressLast,
            int deviceFailures, Instant deviceLast) {
        public static final Counts NONE = new Counts(0, null, 0, null, 0, null);
    }

    /** Why and until when an attempt is refused. */
    public record Lock(String scope, Instant until) {
        public Duration remaining(Instant now) {
            Duration d = Duration.between(now, until);
            return d.isNegative() ? Duration.ZERO : d;
        }
    }

    private final int accountMax;
    private final int addressMax;
    private final Duration lockout;

    public ThrottlePolicy(int accountMax, int addressMax, Duration lockout) {
        this.accountMax = accountMax;
        this.addressMax = addressMax;
        this.lockout = lockout;
    }

    /** The lock in force for this attempt, if any. */
    public Optional<Lock> lock(Counts c, boolean knownDevice, Instant now) {
        if (knownDevice) {
            return locked("device", c.deviceFailures(), accountMax, c.deviceLast(), now);
        }
        Optional<Lock> address = locked("address", c.addressFailures(), addressMax, c.addressLast(), now);
        Optional<Lock> account = locked("account", c.accountFailures(), accountMax, c.accountLast(), now);
        if (address.isPresent() && account.isPresent()) {
            return address.get().until().isAfter(account.get().until()) ? address : account;
        }
        return address.isPresent() ? address : account;
    }

    private Optional<Lock> locked(String scope, int failures, int max, Instant last, Instant now) {
        if (failures < max || last == null) {
            return Optional.empty();
        }
        Instant until = last.plus(lockout);
        return until.isAfter(now) ? Optional.of(new Lock(scope, until)) : Optional.empty();
    }
}
