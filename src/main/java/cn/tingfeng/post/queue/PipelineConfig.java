package cn.tingfeng.post.queue;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The monitoring pipeline's queue and workers, prefix {@code tingfeng.pipeline} (README "Monitoring pipeline"). */
@ConfigMapping(prefix = "tingfeng.pipeline")
public interface PipelineConfig {
    /** Posts claimed and processed in one transaction. */
    @WithDefault("200")
    int batchSize();

    /** Background worker on this node; off: only the inline drain after each commit (tests) or none at all. */
    @WithDefault("true")
    boolean workerEnabled();

    /** How often an idle worker looks for work that other nodes queued or that became due for retry. */
    @WithDefault("1s")
    Duration poll();

    /** Process queued posts on the storing thread right after its commit (deterministic tests; off in production). */
    @WithDefault("false")
    boolean inline();

    /** Attempts before a failing post is parked for an administrator. */
    @WithDefault("5")
    int maxAttempts();

    /** First retry delay; doubled per attempt. */
    @WithDefault("10s")
    Duration retryBackoff();

    /** How far back a new or changed monitoring plan re-matches collected posts. */
    @WithDefault("P7D")
    Duration backfill();
}
