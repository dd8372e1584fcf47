package cn.tingfeng.tracking.escalation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Who receives a step; the notification layer maps each to real addresses (units, offices, webhooks). */
public enum Recipient {
    /** The unit holding the assignment. */
    UNIT("unit", "责任单位"),
    /** The analyst / cyberspace office (网信办) that made the assignment. */
    ANALYST("analyst", "交办部门（网信办）"),
    /** 政府督查室. */
    SUPERVISION_OFFICE("supervision-office", "政府督查室"),
    /** 监察委员会. */
    SUPERVISION_COMMISSION("supervision-commission", "监察委员会"),
    /** The unit's principal leader (主要负责人). */
    UNIT_LEADER("unit-leader", "责任单位主要负责人");

    private final String code;
    private final String label;

    Recipient(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    @JsonCreator
    public static Recipient of(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (Recipient r : values()) if (r.code.equals(t)) return r;
        throw new IllegalArgumentException("未知的通知对象: " + text);
    }
}
