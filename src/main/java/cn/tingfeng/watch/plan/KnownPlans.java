package cn.tingfeng.watch.plan;

import cn.tingfeng.notify.alert.AlertPlans;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** The monitoring plans as {@code notify} sees them: an alert route may name only an existing plan. */
@ApplicationScoped
public class KnownPlans implements AlertPlans {
    @Inject
    PlanRepository plans;

    @Override
    @Transactional
    public boolean exists(Long planId) {
        return planId != null && plans.findByIdOptional(planId).isPresent();
    }
}
