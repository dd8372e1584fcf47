package cn.tingfeng.report.issue;

import io.quarkus.quartz.Nonconcurrent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Thin schedule: checks every minute which reports are due (never twice at once in a cluster). Off in tests. */
@ApplicationScoped
public class ReportJobs {
    @Inject
    ReportScheduler scheduler;

    @Scheduled(identity = "report-schedule", every = "${tingfeng.report.schedule-every}")
    @Nonconcurrent
    void run() {
        scheduler.runDue();
    }
}
