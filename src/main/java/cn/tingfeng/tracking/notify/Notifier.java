package cn.tingfeng.tracking.notify;

import cn.tingfeng.tracking.TrackingConfig;
import cn.tingfeng.tracking.escalation.MessageTemplates;
import cn.tingfeng.tracking.escalation.Recipient;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Announces supervision records: one e-mail (Chinese templates, quarkus-mailer) to the addresses of the step's
 * recipients, and one text message to each configured group robot (企业微信, 钉钉). Failures are logged, never thrown:
 * the record is already committed and visible in the application.
 */
@ApplicationScoped
public class Notifier {
    private static final Logger LOG = Logger.getLogger(Notifier.class);
    private static final MessageTemplates TEMPLATES = MessageTemplates.defaults();

    @Inject
    Mailer mailer;
    @Inject
    TrackingConfig config;
    @Inject
    WebhookSender webhooks;

    public void send(Notice n) {
        MessageTemplates.Message m = TEMPLATES.render(n.step(), n.context(), n.dueAt());
        TrackingConfig.Notify c = config.notifications();
        if (c.mailEnabled()) {
            Set<String> to = new LinkedHashSet<>();
            for (Recipient r : n.recipients()) address(r, n).ifPresent(a -> {
                for (String part : a.split("[,;]")) if (!part.isBlank()) to.add(part.strip());
            });
            if (!to.isEmpty()) {
                try {
                    mailer.send(Mail.withText(String.join(",", to), m.subject(), m.body()).setTo(to.stream().toList()));
                } catch (RuntimeException e) {
                    LOG.errorf(e, "e-mail for supervision record %d failed", n.recordId());
                }
            }
        }
        c.wecomUrl().ifPresent(url -> webhooks.postWecom(url, m.webhook()));
        c.dingtalkUrl().ifPresent(url -> webhooks.postDingtalk(url, c.dingtalkSecret().orElse(null), m.webhook()));
    }

    private Optional<String> address(Recipient r, Notice n) {
        TrackingConfig.Notify c = config.notifications();
        return switch (r) {
            case UNIT -> byUnit(c.unitEmail(), n);
            case UNIT_LEADER -> byUnit(c.unitLeaderEmail(), n);
            case ANALYST -> c.analystEmail();
            case SUPERVISION_OFFICE -> c.supervisionOfficeEmail();
            case SUPERVISION_COMMISSION -> c.supervisionCommissionEmail();
        };
    }

    private static Optional<String> byUnit(Map<String, String> m, Notice n) {
        String v = m.get(String.valueOf(n.unitId()));
        if (v == null) v = m.get(n.unitName());
        return Optional.ofNullable(v);
    }
}
