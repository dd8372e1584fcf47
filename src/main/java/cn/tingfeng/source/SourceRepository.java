package cn.tingfeng.source;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

@ApplicationScoped
public class SourceRepository implements PanacheRepository<Source> {
    public Optional<Source> findByKey(String key) {
        return find("key", key).firstResultOptional();
    }
}
