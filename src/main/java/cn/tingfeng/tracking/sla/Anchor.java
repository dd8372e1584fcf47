package cn.tingfeng.tracking.sla;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Where a clock starts counting. */
public enum Anchor {
    /** The incident's start (its earliest publication, adjustable by an analyst with a reason). */
    INCIDENT_START("incident-start", "自舆情发生起"),
    /** The moment the assignment was made (交办). */
    ASSIGNED("assigned", "自交办起"),
    /** The moment a leader instruction was issued (instruction clocks always use this). */
    ISSUED("issued", "自批示下达起");

    private final String code;
    private final String label;

    Anchor(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String label() {
        return label;
    }

    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static Anchor of(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (Anchor a : values()) if (a.code.equals(t)) return a;
        throw new IllegalArgumentException("未知的起算点: " + text);
    }
}
