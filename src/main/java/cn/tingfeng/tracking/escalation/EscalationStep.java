package cn.tingfeng.tracking.escalation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** The ladder, in order: a reminder before the target, 催办 at the target, 督办 at the limit, 问责 after. */
public enum EscalationStep {
    REMINDER("reminder", "到期提醒"),
    URGE("urge", "催办"),
    SUPERVISE("supervise", "督办"),
    ACCOUNTABILITY("accountability", "问责");

    private final String code;
    private final String label;

    EscalationStep(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The API's supervision record {@code type}. */
    @JsonValue
    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    @JsonCreator
    public static EscalationStep of(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (EscalationStep s : values()) if (s.code.equals(t)) return s;
        throw new IllegalArgumentException("未知的督办步骤: " + text);
    }
}
