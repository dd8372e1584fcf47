package cn.tingfeng.incident.triage;

import cn.tingfeng.post.PostCollected;
import cn.tingfeng.post.queue.PipelineConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * This node's queue worker: one thread that drains the queue in batches, woken when a post is queued here and
 * otherwise looking every {@code tingfeng.pipeline.poll} for work that other nodes queued, that became due for retry,
 * or that was left unfinished by a crash (the rows of a killed node's transaction are free again). With
 * {@code tingfeng.pipeline.inline} the storing thread drains right after its commit instead (tests).
 */
@ApplicationScoped
public class PipelineWorker {
    private static final Logger LOG = Logger.getLogger(PipelineWorker.class);

    @Inject
    IncidentPipeline pipeline;
    @Inject
    PipelineConfig config;

    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    void start(@Observes StartupEvent e) {
        if (!config.workerEnabled()) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, "tingfeng-pipeline");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent e) {
        running = false;
        wake.release();
        if (thread != null) {
            try {
                thread.join(10_000);
            } catch (InterruptedException x) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** After the storing transaction committed. */
    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) PostCollected event) {
        if (config.inline()) {
            try {
                pipeline.drain();
            } catch (RuntimeException x) {
                LOG.errorf(x, "inline monitoring failed; the queued posts stay queued");
            }
        } else {
            wake.release();
        }
    }

    void onFilled(@Observes(during = TransactionPhase.AFTER_SUCCESS) cn.tingfeng.post.queue.PostQueue.Filled event) {
        onQueued(null);
    }

    public void wake() {
        wake.release();
    }

    private void loop() {
        while (running) {
            try {
                pipeline.drain();
                wake.tryAcquire(config.poll().toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException x) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException x) {
                LOG.errorf(x, "pipeline worker: unexpected failure; trying again");
                try {
                    Thread.sleep(config.poll().toMillis());
                } catch (InterruptedException y) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
