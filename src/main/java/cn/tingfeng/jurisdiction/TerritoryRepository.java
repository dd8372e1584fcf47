package cn.tingfeng.jurisdiction;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

@ApplicationScoped
public class TerritoryRepository implements PanacheRepository<Territory> {
    public Optional<Territory> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    public Optional<Territory> findCountyOrCityByName(String name) {
        return find("name = ?1 and level in ('city', 'county')", name).firstResultOptional();
    }
}
