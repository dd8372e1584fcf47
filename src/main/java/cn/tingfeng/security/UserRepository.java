package cn.tingfeng.security;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

@ApplicationScoped
public class UserRepository implements PanacheRepository<AppUser> {
    public Optional<AppUser> findByUsername(String username) {
        return find("select u from AppUser u left join fetch u.unit where u.username = ?1", username)
                .firstResultOptional();
    }
}
