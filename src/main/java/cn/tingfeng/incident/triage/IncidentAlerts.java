package cn.tingfeng.incident.triage;

import cn.tingfeng.incident.Incident;
import cn.tingfeng.incident.assess.Art18Category;
import cn.tingfeng.notify.Alert;
import cn.tingfeng.notify.alert.AlertService;
import cn.tingfeng.watch.match.PostMatchRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;

/** Turns incident events (new, graded up, rising) into alerts routed by the plans that matched its posts. */
@ApplicationScoped
public class IncidentAlerts {
    @Inject
    AlertService alerts;
    @Inject
    PostMatchRepository matches;
    @Inject
    IncidentPosts incidentPosts;
    @Inject
    Clock clock;

    /** Raises what the change deserves; true when an alert was queued. */
    public boolean raise(Incident i, IncidentTriage t, AssessmentService.Change change, boolean created) {
        boolean any = false;
        if (created) {
            any |= raise(Alert.Kind.NEW_INCIDENT, i, null);
        } else if (change.gradeUp()) {
            any |= raise(Alert.Kind.REGRADE_UP, i, null);
        }
        if (change.risingStarted()) {
            any |= raise(Alert.Kind.RISING, i, String.valueOf(t.risingSince));
        }
        return any;
    }

    public boolean raise(Alert.Kind kind, Incident i, String episode) {
        String category = null;
        if (i.category != null) {
            try {
                category = Art18Category.fromCode(i.category).label();
            } catch (IllegalArgumentException e) {
                category = i.category;
            }
        }
        Alert a = new Alert(kind, String.valueOf(i.id), i.title, i.grade, category, i.summary, null, clock.instant(),
                episode);
        return alerts.raise(a, matches.plansOf(incidentPosts.postIds(i.id))).isPresent();
    }
}
