package cn.tingfeng.tracking.escalation;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Recipients per step. Steps missing from the map get the default recipients. */
public record EscalationSettings(Map<EscalationStep, List<Recipient>> recipients) {

    public static final Map<EscalationStep, List<Recipient>> DEFAULT_RECIPIENTS = Map.of(
            EscalationStep.REMINDER, List.of(Recipient.UNIT),
            EscalationStep.URGE, List.of(Recipient.UNIT, Recipient.ANALYST),
            EscalationStep.SUPERVISE, List.of(Recipient.UNIT, Recipient.UNIT_LEADER, Recipient.SUPERVISION_OFFICE, Recipient.ANALYST),
            EscalationStep.ACCOUNTABILITY, List.of(Recipient.SUPERVISION_COMMISSION, Recipient.SUPERVISION_OFFICE, Recipient.UNIT_LEADER));

    public EscalationSettings {
        Map<EscalationStep, List<Recipient>> m = new EnumMap<>(EscalationStep.class);
        m.putAll(DEFAULT_RECIPIENTS);
        if (recipients != null) recipients.forEach((k, v) -> m.put(k, List.copyOf(v)));
        recipients = Map.copyOf(m);
    }

    public static EscalationSettings defaults() {
        return new EscalationSettings(null);
    }

    public List<Recipient> recipients(EscalationStep step) {
        return recipients.get(step);
    }
}
