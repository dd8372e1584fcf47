package cn.tingfeng.incident;

/**
 * Fired (CDI event, inside the creating transaction) whenever an incident is created, by an analyst through the
 * API or by the grouping of collected posts. Observers add what they derive: the classifier stores its proposed
 * assignment, alerts are raised. Observe with {@code @Observes(during = TransactionPhase.IN_PROGRESS)} to share
 * the transaction, or {@code AFTER_SUCCESS} for side effects outside the database.
 */
public record IncidentCreated(Long incidentId) {
}
