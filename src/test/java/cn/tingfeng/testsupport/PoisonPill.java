package cn.tingfeng.testsupport;

import cn.tingfeng.incident.IncidentCreated;
import cn.tingfeng.incident.IncidentRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Makes the monitoring pipeline throw for incidents whose title carries {@link #MARK} while {@link #armed}: a post
 * whose processing fails, in the creating transaction, as a bug or a broken dependency would.
 */
@ApplicationScoped
public class PoisonPill {
    public static final String MARK = "【毒丸】";
    public static volatile boolean armed;

    @Inject
    IncidentRepository incidents;

    void onCreated(@Observes IncidentCreated e) {
        if (armed && incidents.findById(e.incidentId()).title.contains(MARK)) {
            throw new IllegalStateException("poison pill in incident " + e.incidentId());
        }
    }
}
