package cn.tingfeng.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/** Verification of the chain together with the signed checkpoints, and writing a new checkpoint. */
@ApplicationScoped
public class AuditService {
    private static final Logger LOG = Logger.getLogger(AuditService.class);

    @Inject
    AuditLog log;
    @Inject
    CheckpointStore store;
    @Inject
    Clock clock;

    public record Verification(boolean ok, long entries, Long firstBroken, String reason, int checkpoints) {
    }

    public Verification verify() {
        List<AuditEntry> rows = log.readAll();
        List<Checkpoint> checkpoints = store.readAll();
        VerificationResult r = store.verifier().verifyAll(rows, checkpoints);
        return new Verification(r.ok(), rows.size(), r.firstBroken(), r.reason(), checkpoints.size());
    }

    /**
     * Signs the head when the whole chain verifies (against the earlier checkpoints too) and it has grown since the
     * last checkpoint; never signs a broken chain.
     */
    public synchronized Optional<Checkpoint> checkpoint() {
        List<AuditEntry> rows = log.readAll();
        if (rows.isEmpty()) return Optional.empty();
        List<Checkpoint> existing = store.readAll();
        VerificationResult r = store.verifier().verifyAll(rows, existing);
        if (!r.ok()) {
            LOG.errorf("audit chain broken at seq %d (%s): no checkpoint written", r.firstBroken(), r.reason());
            return Optional.empty();
        }
        AuditEntry head = rows.get(rows.size() - 1);
        long last = existing.stream().max(Comparator.comparingLong(Checkpoint::seq)).map(Checkpoint::seq).orElse(0L);
        if (head.seq() <= last) return Optional.empty();
        Checkpoint cp = store.signer().sign(head, clock.instant());
        store.write(cp);
        return Optional.of(cp);
    }
}
