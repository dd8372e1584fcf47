package cn.tingfeng.jurisdiction.place;

import cn.tingfeng.incident.group.PlaceDirectory;
import cn.tingfeng.incident.group.PlaceSet;
import cn.tingfeng.jurisdiction.Territory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.Map;

/** The places grouping knows: every territory of the loaded jurisdictions with its parent, and short county names. */
@ApplicationScoped
public class TerritoryPlaceDirectory implements PlaceDirectory {
    @Inject
    EntityManager em;

    @Override
    @Transactional
    public PlaceSet places() {
        Map<String, String> parent = new HashMap<>();
        for (Territory t : em.createQuery("select t from Territory t left join fetch t.parent", Territory.class)
                .getResultList()) {
            parent.putIfAbsent(t.name, t.parent == null ? null : t.parent.name);
        }
        return new PlaceSet(parent, PlaceSet.shortForms(parent.keySet()));
    }
}
