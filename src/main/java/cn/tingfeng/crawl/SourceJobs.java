package cn.tingfeng.crawl;

import cn.tingfeng.source.SourceDefinition;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;

/**
 * Keeps one Quartz job per enabled source, following the definitions: added, rescheduled when the schedule changed,
 * deleted when the source went away. Only when the live schedule is on ({@code tingfeng.crawlers.enabled}).
 */
@ApplicationScoped
public class SourceJobs {
    public static final String GROUP = "tingfeng-sources";

    @Inject
    Scheduler quartz;
    @Inject
    CrawlerConfig config;
    /** Quartz fires on wall-clock time, whatever clock the application runs on. */
    private final Clock quartzClock = Clock.systemUTC();

    void onReload(@Observes SourcesReloaded event) {
        if (config.enabled()) {
            sync(event.definitions());
        }
    }

    /** Makes the scheduled jobs match {@code definitions} (disabled ones are not scheduled); returns the job names. */
    public synchronized Set<String> sync(Collection<SourceDefinition> definitions) {
        Map<String, SourceDefinition> wanted = new LinkedHashMap<>();
        for (SourceDefinition d : definitions) {
            if (d.enabled()) {
                wanted.put(d.id(), d);
            }
        }
        try {
            for (JobKey k : quartz.getJobKeys(GroupMatcher.jobGroupEquals(GROUP))) {
                if (!wanted.containsKey(k.getName())) {
                    deleteJob(k);
                    Log.infof("来源 %s 已停止调度", k.getName());
                }
            }
            for (SourceDefinition d : wanted.values()) {
                Trigger desired = trigger(d);
                Trigger existing = quartz.getTrigger(desired.getKey());
                if (existing != null && sameSchedule(existing, desired)) {
                    continue;
                }
                if (existing != null) {
                    // Replacing in place fails with the JDBC store when the trigger type changes (cron <-> interval):
                    // Quartz updates the row of the old type's table. Remove the old schedule first.
                    deleteJob(JobKey.jobKey(d.id(), GROUP));
                }
                JobDetail job = JobBuilder.newJob(SourceJob.class).withIdentity(d.id(), GROUP)
                        .usingJobData(SourceJob.SOURCE, d.id()).build();
                quartz.scheduleJob(job, Set.of(desired), true);
                Log.infof("来源 %s 按 %s 调度", d.id(), d.scheduleText());
            }
            return scheduled();
        } catch (SchedulerException e) {
            throw new IllegalStateException("来源调度失败：" + e.getMessage(), e);
        }
    }

    /**
     * Deletes a job; retried because, with the JDBC store, a one-off trigger that has just fired (a manual run) can
     * vanish between Quartz listing the job's triggers and reading them.
     */
    private void deleteJob(JobKey k) throws SchedulerException {
        for (int attempt = 1; ; attempt++) {
            try {
                quartz.deleteJob(k);
                return;
            } catch (org.quartz.JobPersistenceException e) {
                if (attempt >= 5) {
                    throw e;
                }
                try {
                    Thread.sleep(50L * attempt);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    public Set<String> scheduled() {
        try {
            Set<String> names = new TreeSet<>();
            for (JobKey k : quartz.getJobKeys(GroupMatcher.jobGroupEquals(GROUP))) {
                names.add(k.getName());
            }
            return names;
        } catch (SchedulerException e) {
            return Set.of();
        }
    }

    public Optional<Date> nextRun(String sourceKey) {
        try {
            Trigger t = quartz.getTrigger(TriggerKey.triggerKey(sourceKey, GROUP));
            return Optional.ofNullable(t == null ? null : t.getNextFireTime());
        } catch (SchedulerException e) {
            return Optional.empty();
        }
    }

    Trigger trigger(SourceDefinition d) {
        TriggerBuilder<Trigger> b = TriggerBuilder.newTrigger().withIdentity(d.id(), GROUP).forJob(d.id(), GROUP);
        if (d.schedule().isCron()) {
            return b.withSchedule(CronScheduleBuilder.cronSchedule(d.schedule().cron()).inTimeZone(java.util.TimeZone.getTimeZone(config.zone()))
                    .withMisfireHandlingInstructionDoNothing()).build();
        }
        long interval = d.schedule().interval().toMillis();
        // spread the first runs so that a restart does not start every source at the same second
        long offset = Math.floorMod(d.id().hashCode(), (int) Math.min(interval, 60_000L));
        return b.startAt(Date.from(quartzClock.instant().plusMillis(offset)))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(interval).repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount()).build();
    }

    static boolean sameSchedule(Trigger a, Trigger b) {
        if (a instanceof CronTrigger ca && b instanceof CronTrigger cb) {
            return ca.getCronExpression().equals(cb.getCronExpression()) && ca.getTimeZone().equals(cb.getTimeZone());
        }
        if (a instanceof SimpleTrigger sa && b instanceof SimpleTrigger sb) {
            return sa.getRepeatInterval() == sb.getRepeatInterval();
        }
        return false;
    }
}
