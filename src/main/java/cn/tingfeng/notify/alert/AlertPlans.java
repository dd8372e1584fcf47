package cn.tingfeng.notify.alert;

/**
 * The monitoring plans an alert route may be bound to. Declared here and implemented by {@code watch}, which owns the
 * plans, so that {@code notify} (infrastructure used by several stages) does not depend on a stage.
 */
public interface AlertPlans {
    /** True when a monitoring plan with this id exists. */
    boolean exists(Long planId);
}
