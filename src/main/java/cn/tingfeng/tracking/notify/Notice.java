package cn.tingfeng.tracking.notify;

import cn.tingfeng.tracking.escalation.EscalationStep;
import cn.tingfeng.tracking.escalation.MessageTemplates;
import cn.tingfeng.tracking.escalation.Recipient;
import java.time.Instant;
import java.util.List;

/** A supervision record to announce, collected inside the sweep's transaction and sent after it commits. */
public record Notice(Long recordId, EscalationStep step, Long incidentId, Long unitId, String unitName,
                     List<Recipient> recipients, MessageTemplates.Context context, Instant dueAt) {
}
