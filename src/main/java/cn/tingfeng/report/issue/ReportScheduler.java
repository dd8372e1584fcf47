package cn.tingfeng.report.issue;

import cn.tingfeng.notify.alert.AlertsConfig;
import cn.tingfeng.report.ReportConfig;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Issues the scheduled reports that are due now (by the injected clock), each slot once (unique slot key, also
 * across nodes), and mails each new one with its PDF and .docx to {@code tingfeng.report.mail-to}.
 */
@ApplicationScoped
public class ReportScheduler {
    private static final Logger LOG = Logger.getLogger(ReportScheduler.class);
    static final String ACTOR = "system";

    @Inject
    ReportService reports;
    @Inject
    ReportConfig config;
    @Inject
    AlertsConfig alerts;
    @Inject
    Mailer mailer;
    @Inject
    EntityManager em;
    @Inject
    Clock clock;

    public ReportSchedule.Times times() {
        List<LocalTime> zero = config.zeroReports() ? alerts.zeroReportTimes().stream().map(String::strip)
                .filter(s -> !s.isEmpty()).map(LocalTime::parse).toList() : List.of();
        return new ReportSchedule.Times(config.zone(), LocalTime.parse(config.dailyAt()), config.weeklyDay(),
                LocalTime.parse(config.weeklyAt()), zero, config.grace());
    }

    /** The reports issued by this call (empty when nothing was due or another node issued them). */
    public List<ReportService.ReportView> runDue() {
        List<ReportService.ReportView> issued = new ArrayList<>();
        for (ReportSchedule.Due due : ReportSchedule.due(clock.instant(), times())) {
            ReportService.Plan plan = new ReportService.Plan(due.type(), List.of(), due.from(), due.to(), due.start(),
                    due.end(), "", "");
            try {
                Optional<ReportService.ReportView> v = reports.issue(plan, ACTOR, due.slotKey());
                v.ifPresent(r -> {
                    issued.add(r);
                    mail(r);
                });
            } catch (RuntimeException e) {
                LOG.errorf(e, "scheduled report %s failed", due.slotKey());
            }
        }
        mailPending();
        return issued;
    }

    private List<String> recipients() {
        return config.mailTo().orElse(List.of()).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** Scheduled reports of the grace period whose mail failed (or whose node stopped before mailing): again. */
    void mailPending() {
        if (recipients().isEmpty()) return;
        java.time.Instant since = clock.instant().minus(config.grace());
        List<Long> ids = QuarkusTransaction.requiringNew().call(() -> em.createQuery("select r.id from IssuedReport r"
                + " where r.slotKey is not null and r.mailedAt is null and r.issuedAt >= ?1 order by r.id", Long.class)
                .setParameter(1, since).getResultList());
        for (Long id : ids) mail(reports.get(id));
    }

    /**
     * Mails a report once: {@code mailed_at} is claimed first (an atomic update, so two callers never both send) and
     * released again when sending fails, for the next run to retry within the grace period.
     */
    void mail(ReportService.ReportView r) {
        List<String> to = recipients();
        if (to.isEmpty()) return;
        int claimed = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "update report set mailed_at = :t where id = :id and mailed_at is null")
                .setParameter("t", clock.instant()).setParameter("id", r.id()).executeUpdate());
        if (claimed == 0) return;
        try {
            Mail mail = Mail.withText(to.get(0), "【" + r.typeLabel() + "】" + r.number() + " " + r.title(),
                    r.typeLabel() + " " + r.number() + "：" + r.title() + "\n\n正文见附件（PDF、Word）。本邮件由听风系统按时自动发送。");
            mail.setTo(to);
            mail.addAttachment(r.typeLabel() + r.number() + ".pdf", reports.file(r.id(), "pdf"), "application/pdf");
            mail.addAttachment(r.typeLabel() + r.number() + ".docx", reports.file(r.id(), "docx"), ReportResource.TYPES.get("docx"));
            mailer.send(mail);
        } catch (RuntimeException e) {
            LOG.errorf(e, "mailing report %d failed; retried on the next run within the grace period", r.id());
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update report set mailed_at = null where id = :id")
                    .setParameter("id", r.id()).executeUpdate());
        }
    }
}
