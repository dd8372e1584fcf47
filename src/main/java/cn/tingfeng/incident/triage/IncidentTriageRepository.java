package cn.tingfeng.incident.triage;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class IncidentTriageRepository implements PanacheRepositoryBase<IncidentTriage, Long> {
    /** The triage row of an incident, created on first use. */
    public IncidentTriage of(Long incidentId) {
        IncidentTriage t = findById(incidentId);
        if (t == null) {
            t = new IncidentTriage();
            t.incidentId = incidentId;
            persist(t);
        }
        return t;
    }
}
