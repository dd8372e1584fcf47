package cn.tingfeng.incident.triage;

import cn.tingfeng.post.queue.PostQueue;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** What the administrator sees of the monitoring pipeline (API and 采集来源 page), and the one-click retry. */
@ApplicationScoped
public class PipelineStatus {
    public record View(long queued, long due, long retrying, long parked, Instant oldestQueuedAt, double lagSeconds,
            double processedTotal, double retriedTotal, List<PostQueue.Parked> parkedPosts) {
    }

    @Inject
    PostQueue queue;
    @Inject
    PipelineMetrics metrics;
    @Inject
    PipelineWorker worker;
    @Inject
    Clock clock;

    public View view() {
        return QuarkusTransaction.requiringNew().call(() -> {
            PostQueue.Stats s = queue.stats();
            return new View(s.queued(), s.due(), s.retrying(), s.parked(), s.oldestQueuedAt(), s.lagSeconds(clock.instant()),
                    metrics.processedTotal(), metrics.retriedTotal(), queue.parked(100));
        });
    }

    /** Parked posts back into the queue (one, or all when {@code id} is null); the worker starts at once. */
    public int retry(Long id) {
        int n = QuarkusTransaction.requiringNew().call(() -> queue.retryParked(id));
        worker.wake();
        return n;
    }
}
