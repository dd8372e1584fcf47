package cn.tingfeng.audit;

import io.quarkus.quartz.Nonconcurrent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Writes a signed checkpoint of the audit chain periodically ({@code audit.checkpoint.every}, {@code off} to disable). */
@ApplicationScoped
public class AuditCheckpointJob {
    @Inject
    AuditService audit;

    @Scheduled(every = "${audit.checkpoint.every:10m}", identity = "audit-checkpoint")
    @Nonconcurrent
    void run() {
        audit.checkpoint();
    }
}
