package cn.tingfeng.jurisdiction;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class UnitRepository implements PanacheRepository<Unit> {
    public List<Unit> listWithTerritory() {
        return find("select u from Unit u join fetch u.territory t order by t.code, u.category").list();
    }

    public Optional<Unit> findByName(String name) {
        return find("name", name).firstResultOptional();
    }

    public Optional<Unit> findByTerritoryAndCategory(Territory territory, String category) {
        return find("territory = ?1 and category = ?2", territory, category).firstResultOptional();
    }
}
