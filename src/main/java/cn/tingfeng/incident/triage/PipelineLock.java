package cn.tingfeng.incident.triage;

import cn.tingfeng.post.dedup.DedupService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The one writer of grouping and near-duplicate decisions, across the JVM (a lock) and across nodes (the
 * {@code pipeline_state} row, locked until the transaction ends). Whoever holds it first brings this node's
 * in-memory indexes up to date with what other nodes wrote; a rolled-back transaction makes them reload.
 */
@ApplicationScoped
public class PipelineLock {
    static final String HOLDER = ManagementFactory.getRuntimeMXBean().getName();

    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    GroupingIndex grouping;
    @Inject
    DedupService dedup;

    private final ReentrantLock local = new ReentrantLock(true);

    /** Runs {@code work} in a new transaction holding the lock; the indexes follow the outcome. */
    public <T> T exclusive(Supplier<T> work) {
        local.lock();
        try {
            T result = QuarkusTransaction.requiringNew().call(work::get);
            grouping.committed();
            dedup.committed();
            return result;
        } catch (RuntimeException | Error e) {
            grouping.invalidate();
            dedup.invalidate();
            throw e;
        } finally {
            local.unlock();
        }
    }

    /** Inside {@link #exclusive}: lock the row and sync the indexes. Returns the generation this transaction writes. */
    public long enter() {
        Number g = (Number) em.createNativeQuery("select generation from pipeline_state where name = 'grouping' for update")
                .getSingleResult();
        long current = g.longValue();
        long writing = current + 1;
        em.createNativeQuery("update pipeline_state set generation = ?1, holder = ?2, updated_at = ?3 where name = 'grouping'")
                .setParameter(1, writing).setParameter(2, HOLDER).setParameter(3, clock.instant()).executeUpdate();
        grouping.sync(current, writing);
        dedup.sync(current, writing);
        return writing;
    }

    public boolean heldByCurrentThread() {
        return local.isHeldByCurrentThread();
    }
}
