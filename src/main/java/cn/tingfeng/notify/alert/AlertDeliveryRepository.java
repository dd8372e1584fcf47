package cn.tingfeng.notify.alert;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class AlertDeliveryRepository implements PanacheRepository<AlertDelivery> {
}
