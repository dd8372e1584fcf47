package cn.tingfeng.notify.alert;

import io.quarkus.quartz.Nonconcurrent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Thin schedule: zero reports at their times, deferred and retried deliveries when due. Off in tests. */
@ApplicationScoped
public class AlertJobs {
    @Inject
    ZeroReportService zeroReports;
    @Inject
    AlertDispatcher dispatcher;

    @Scheduled(identity = "alert-dispatch", every = "${tingfeng.alerts.dispatch-every}")
    @Nonconcurrent
    void run() {
        zeroReports.runDue();
        dispatcher.dispatchDue();
    }
}
