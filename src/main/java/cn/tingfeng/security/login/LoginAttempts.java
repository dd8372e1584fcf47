package cn.tingfeng.security.login;

import cn.tingfeng.security.SecurityConfig;
import cn.tingfeng.security.login.LoginAttempt.Outcome;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The record of sign-in attempts and the counts the {@link ThrottlePolicy} decides on. */
@ApplicationScoped
public class LoginAttempts implements PanacheRepository<LoginAttempt> {
    private static final List<String> FAILURES = List.of(Outcome.BAD_PASSWORD.code(), Outcome.UNKNOWN_USER.code());

    /** A lock in force, for the administrator's view. */
    public record ActiveLock(String scope, String subject, int failures, Instant lastFailure, Instant until) {
    }

    /** One attempt as the administrator sees it. */
    public record AttemptView(Instant at, String username, String address, String mechanism, String outcome,
            boolean knownDevice) {
    }

    @Inject
    SecurityConfig config;
    @Inject
    Clock clock;

    public ThrottlePolicy policy() {
        return new ThrottlePolicy(config.accountMaxFailures(), config.addressMaxFailures(), config.lockout());
    }

    /** Written in its own transaction: a refused sign-in is recorded although the request fails. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(String username, String address, String mechanism, Outcome outcome, boolean knownDevice) {
        LoginAttempt a = new LoginAttempt();
        a.at = Instant.now(clock);
        a.username = clip(username == null ? "" : username, 64);
        a.address = clip(address == null ? "unknown" : address, 64);
        a.mechanism = mechanism;
        a.outcome = outcome.code();
        a.knownDevice = knownDevice;
        persist(a);
    }

    @Transactional
    public ThrottlePolicy.Counts counts(String username, String address) {
        Instant now = Instant.now(clock);
        Instant since = now.minus(config.throttleWindow());
        long untrustedReset = lastReset(username, since, true);
        long anyReset = lastReset(username, since, false);
        Tuple account = failures("username", username, since, untrustedReset, false);
        Tuple device = failures("username", username, since, anyReset, true);
        Tuple addr = failures("address", address, since, 0L, false);
        return new ThrottlePolicy.Counts(count(account), last(account), count(addr), last(addr), count(device), last(device));
    }

    /** Locks in force now: accounts and addresses. */
    @Transactional
    public List<ActiveLock> activeLocks() {
        Instant now = Instant.now(clock);
        Instant since = now.minus(config.throttleWindow());
        ThrottlePolicy policy = policy();
        List<ActiveLock> locks = new ArrayList<>();
        for (String username : suspects("username", since, config.accountMaxFailures())) {
            ThrottlePolicy.Counts c = counts(username, "");
            policy.lock(new ThrottlePolicy.Counts(c.accountFailures(), c.accountLast(), 0, null, 0, null), false, now)
                    .ifPresent(l -> locks.add(new ActiveLock("account", username, c.accountFailures(), c.accountLast(), l.until())));
        }
        for (String address : suspects("address", since, config.addressMaxFailures())) {
            Tuple t = failures("address", address, since, 0L, false);
            policy.lock(new ThrottlePolicy.Counts(0, null, count(t), last(t), 0, null), false, now)
                    .ifPresent(l -> locks.add(new ActiveLock("address", address, count(t), last(t), l.until())));
        }
        locks.sort(Comparator.comparing(ActiveLock::until).reversed());
        return locks;
    }

    @Transactional
    public List<AttemptView> recent(int limit, boolean failuresOnly) {
        String where = failuresOnly ? "where outcome <> 'ok' " : "";
        return find(where + "order by at desc, id desc").page(0, Math.max(1, Math.min(limit, 1000))).list().stream()
                .map(a -> new AttemptView(a.at, a.username, a.address, a.mechanism, a.outcome, a.knownDevice)).toList();
    }

    private List<String> suspects(String column, Instant since, int max) {
        return getEntityManager().createQuery("select a." + column + " from LoginAttempt a where a.at > :since"
                        + " and a.outcome in :failures and a.knownDevice = false group by a." + column
                        + " having count(a) >= :max", String.class)
                .setParameter("since", since).setParameter("failures", FAILURES).setParameter("max", (long) max)
                .getResultList();
    }

    /** The id of the last successful sign-in (or lift of the lock) within the window, 0 when none: ids order events. */
    private long lastReset(String username, Instant since, boolean untrustedOnly) {
        String q = "select max(a.id) from LoginAttempt a where a.username = :u and a.at > :since and (a.outcome = 'cleared'"
                + " or (a.outcome = 'ok'" + (untrustedOnly ? " and a.knownDevice = false" : "") + "))";
        Long id = getEntityManager().createQuery(q, Long.class).setParameter("u", username).setParameter("since", since)
                .getSingleResult();
        return id == null ? 0L : id;
    }

    private Tuple failures(String column, String value, Instant since, long afterId, boolean knownDevice) {
        return getEntityManager().createQuery("select count(a), max(a.at) from LoginAttempt a where a." + column
                        + " = :v and a.at > :since and a.id > :afterId and a.outcome in :failures and a.knownDevice = :kd",
                        Tuple.class)
                .setParameter("v", value).setParameter("since", since).setParameter("afterId", afterId)
                .setParameter("failures", FAILURES).setParameter("kd", knownDevice).getSingleResult();
    }

    private static int count(Tuple t) {
        return ((Number) t.get(0)).intValue();
    }

    private static Instant last(Tuple t) {
        return (Instant) t.get(1);
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

}
