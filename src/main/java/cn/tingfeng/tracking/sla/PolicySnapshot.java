package cn.tingfeng.tracking.sla;

import cn.tingfeng.shared.Grade;
import cn.tingfeng.tracking.escalation.EscalationSettings;
import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * The policy frozen onto an assignment when its clocks start: store {@link #toJson()} with the
 * assignment (and {@code versionId} in the ASSIGNED event); a later edit of the configuration never
 * changes it. {@code versionId} = {@code <jurisdiction>@<version>#<12 hex of SHA-256 of the content>},
 * so even an edit without a new version label yields a new id.
 */
public record PolicySnapshot(String versionId, String jurisdiction, Grade grade,
                             GradeRules rules, EscalationSettings escalation) {

    public String toJson() {
        try {
            return SlaPolicies.MAPPER.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static PolicySnapshot fromJson(String json) {
        try {
            return SlaPolicies.MAPPER.readValue(json, PolicySnapshot.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("无法读取冻结的期限政策: " + e.getOriginalMessage(), e);
        }
    }
}
