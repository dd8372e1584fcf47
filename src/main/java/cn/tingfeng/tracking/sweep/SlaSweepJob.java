package cn.tingfeng.tracking.sweep;

import io.quarkus.quartz.Nonconcurrent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Runs the SLA sweep every minute ({@code tracking.sweep.every}; {@code off} in tests). Never two at once in a cluster. */
@ApplicationScoped
public class SlaSweepJob {
    @Inject
    SweepService sweeps;

    @Scheduled(every = "${tracking.sweep.every:60s}", identity = "sla-sweep")
    @Nonconcurrent
    void run() {
        sweeps.sweep();
    }
}
