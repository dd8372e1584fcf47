package cn.tingfeng.jurisdiction;

import cn.tingfeng.security.UnitDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The units of the jurisdiction as {@code security} sees them: ids and names (for department accounts). */
@ApplicationScoped
public class JurisdictionUnits implements UnitDirectory {
    @Inject
    UnitRepository units;

    @Override
    @Transactional
    public Optional<String> nameOf(Long unitId) {
        return unitId == null ? Optional.empty() : units.findByIdOptional(unitId).map(u -> u.name);
    }

    @Override
    @Transactional
    public Optional<Long> idOf(String name) {
        return units.findByName(name).map(u -> u.id);
    }

    @Override
    @Transactional
    public Map<Long, String> names() {
        Map<Long, String> names = new HashMap<>();
        for (Object[] row : units.getEntityManager().createQuery("select u.id, u.name from Unit u", Object[].class)
                .getResultList()) {
            names.put((Long) row[0], (String) row[1]);
        }
        return names;
    }
}
