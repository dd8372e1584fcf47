package cn.tingfeng.incident;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class IncidentRepository implements PanacheRepository<Incident> {
}
