package cn.tingfeng.post.queue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The durable hand-off from collection to monitoring: a post is queued in the transaction that stores it; a worker
 * claims a batch ({@code for update skip locked}: two nodes never claim the same row) and deletes it in the transaction
 * of the pipeline's own writes. A failing post is retried with doubling backoff and parked after
 * {@link PipelineConfig#maxAttempts()} attempts, never dropped. Every method runs in the caller's transaction.
 */
@ApplicationScoped
public class PostQueue {
    public record Claimed(long id, long postId, int attempts) {
    }

    public record Parked(long id, long postId, String title, int attempts, String lastError, Instant parkedAt) {
    }

    public record Stats(long queued, long due, long retrying, long parked, Instant oldestQueuedAt) {
        /** The lag: age of the oldest unprocessed (not parked) post at {@code now}, 0 when none waits. */
        public double lagSeconds(Instant now) {
            return oldestQueuedAt == null ? 0 : Math.max(0, Duration.between(oldestQueuedAt, now).toMillis() / 1000.0);
        }
    }

    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    PipelineConfig config;
    @Inject
    jakarta.enterprise.event.Event<Filled> filled;

    /** Fired (inside the transaction) when rows were queued in bulk, e.g. a backfill: the worker starts after commit. */
    public record Filled(int rows) {
    }

    public void enqueue(long postId, String reason) {
        Instant now = clock.instant();
        em.createNativeQuery("insert into post_queue (post_id, reason, enqueued_at, next_attempt_at, attempts)"
                + " values (?1, ?2, ?3, ?3, 0)")
                .setParameter(1, postId).setParameter(2, reason).setParameter(3, now).executeUpdate();
    }

    /** Backfill: queues every live post published (or fetched) since {@code since}; returns how many. */
    public int enqueueSince(Instant since, String reason) {
        Instant now = clock.instant();
        int n = em.createNativeQuery("insert into post_queue (post_id, reason, enqueued_at, next_attempt_at, attempts)"
                + " select p.id, ?1, ?2, ?2, 0 from post p where coalesce(p.published_at, p.fetched_at) >= ?3"
                + " and p.status <> 'deleted' and not exists (select 1 from post_queue q where q.post_id = p.id"
                + " and q.parked_at is null and q.attempts = 0)")
                .setParameter(1, reason).setParameter(2, now).setParameter(3, since).executeUpdate();
        if (n > 0) {
            filled.fire(new Filled(n));
        }
        return n;
    }

    /** Locks up to {@code n} due rows that no other transaction holds, oldest first. */
    @SuppressWarnings("unchecked")
    public List<Claimed> claim(int n) {
        List<Object[]> rows = em.createNativeQuery("select id, post_id, attempts from post_queue"
                + " where parked_at is null and next_attempt_at <= ?1 order by id"
                + " fetch first " + Math.max(1, n) + " rows only for update skip locked")
                .setParameter(1, clock.instant()).getResultList();
        List<Claimed> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            out.add(new Claimed(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), ((Number) r[2]).intValue()));
        }
        return out;
    }

    /** Locks one row (for processing a single post after its batch failed); false when another node took it. */
    public boolean claimOne(long id) {
        return !em.createNativeQuery("select id from post_queue where id = ?1 and parked_at is null for update skip locked")
                .setParameter(1, id).getResultList().isEmpty();
    }

    public void done(List<Long> ids) {
        for (int from = 0; from < ids.size(); from += 500) {
            em.createNativeQuery("delete from post_queue where id in (?1)")
                    .setParameter(1, ids.subList(from, Math.min(ids.size(), from + 500))).executeUpdate();
        }
    }

    /** One more failed attempt: due again after the backoff, or parked; true when parked now. */
    public boolean failed(long id, int attemptsBefore, String error) {
        int attempts = attemptsBefore + 1;
        Instant now = clock.instant();
        boolean park = attempts >= config.maxAttempts();
        Duration wait = config.retryBackoff().multipliedBy(1L << Math.min(20, attemptsBefore));
        em.createNativeQuery("update post_queue set attempts = ?1, last_error = ?2, next_attempt_at = ?3, parked_at = "
                + (park ? "?3" : "null") + " where id = ?4")
                .setParameter(1, attempts).setParameter(2, truncate(error == null ? "" : error, 2000))
                .setParameter(3, park ? now : now.plus(wait)).setParameter(4, id).executeUpdate();
        return park;
    }

    /** An administrator's retry of parked rows (all when {@code id} is null); returns how many. */
    public int retryParked(Long id) {
        Instant now = clock.instant();
        var q = em.createNativeQuery("update post_queue set parked_at = null, attempts = 0, next_attempt_at = ?1,"
                + " reason = 'retry' where parked_at is not null" + (id == null ? "" : " and id = ?2"))
                .setParameter(1, now);
        return (id == null ? q : q.setParameter(2, id)).executeUpdate();
    }

    public Stats stats() {
        Object[] r = (Object[]) em.createNativeQuery("select count(*),"
                + " coalesce(sum(case when parked_at is null and next_attempt_at <= ?1 then 1 else 0 end), 0),"
                + " coalesce(sum(case when parked_at is null and attempts > 0 then 1 else 0 end), 0),"
                + " coalesce(sum(case when parked_at is not null then 1 else 0 end), 0),"
                + " min(case when parked_at is null then enqueued_at end) from post_queue")
                .setParameter(1, clock.instant()).getSingleResult();
        long total = ((Number) r[0]).longValue();
        long parked = ((Number) r[3]).longValue();
        return new Stats(total - parked, ((Number) r[1]).longValue(), ((Number) r[2]).longValue(), parked, instant(r[4]));
    }

    @SuppressWarnings("unchecked")
    public List<Parked> parked(int limit) {
        List<Object[]> rows = em.createNativeQuery("select q.id, q.post_id, p.title, q.attempts, q.last_error, q.parked_at"
                + " from post_queue q join post p on p.id = q.post_id where q.parked_at is not null order by q.id")
                .setMaxResults(limit).getResultList();
        return rows.stream().map(r -> new Parked(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2],
                ((Number) r[3]).intValue(), (String) r[4], instant(r[5]))).toList();
    }

    static Instant instant(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (o instanceof Timestamp t) {
            return t.toInstant();
        }
        if (o instanceof java.time.LocalDateTime l) {
            return l.toInstant(ZoneOffset.UTC);
        }
        throw new IllegalArgumentException("not a time: " + o.getClass());
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
