package cn.tingfeng.notify.alert;

import cn.tingfeng.notify.Alert;
import cn.tingfeng.notify.ZeroReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * 定时零汇报: at each configured time a report covering the period since the previous time goes out, even when nothing
 * new was found ("本时段未发现新的涉我市负面舆情"); when incidents were found it lists them. Each period once (the
 * period is the alert's episode).
 */
@ApplicationScoped
public class ZeroReportService {
    @Inject
    AlertsConfig config;
    @Inject
    AlertService alerts;
    @Inject
    EntityManager em;
    @Inject
    Clock clock;

    /** The report of the latest report time not later than now, if within the grace period and not sent yet. */
    @Transactional
    public Optional<QueuedAlert> runDue() {
        List<LocalTime> times = config.zeroReportTimes().stream().map(String::strip).filter(s -> !s.isEmpty())
                .map(LocalTime::parse).sorted().toList();
        if (times.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        ZonedDateTime local = now.atZone(config.zone());
        List<ZonedDateTime> slots = new ArrayList<>();
        for (int day = -2; day <= 0; day++) {
            LocalDate d = local.toLocalDate().plusDays(day);
            for (LocalTime t : times) {
                slots.add(d.atTime(t).atZone(config.zone()));
            }
        }
        ZonedDateTime to = null;
        ZonedDateTime from = null;
        for (int i = slots.size() - 1; i > 0; i--) {
            if (!slots.get(i).isAfter(local)) {
                to = slots.get(i);
                from = slots.get(i - 1);
                break;
            }
        }
        if (to == null || now.isAfter(to.toInstant().plus(config.zeroReportGrace()))) {
            return Optional.empty();
        }
        return alerts.raise(report(from.toInstant(), to.toInstant()), List.of());
    }

    Alert report(Instant from, Instant to) {
        Alert zero = ZeroReport.alert(config.jurisdiction(), from, to, config.zone());
        List<String> titles = em.createQuery("select i.title from Incident i where i.createdAt >= ?1 and i.createdAt < ?2"
                + " order by i.createdAt", String.class).setParameter(1, from).setParameter(2, to).getResultList();
        if (titles.isEmpty()) {
            return zero;
        }
        String text = zero.summary().replace(ZeroReport.NOTHING_FOUND, "本时段发现 " + titles.size() + " 起新舆情："
                + String.join("；", titles.subList(0, Math.min(10, titles.size()))) + (titles.size() > 10 ? " 等" : ""));
        return new Alert(Alert.Kind.ZERO_REPORT, null, config.jurisdiction() + " 定时汇报", null, null, text, null,
                zero.at(), zero.episode());
    }
}
