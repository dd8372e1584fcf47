package cn.tingfeng.tracking;

/** Status of an obligation clock; deadlines are half-open (at the deadline instant it has passed). */
public enum ClockStatus {
    /** Not met, target not reached. */
    PENDING("pending", "进行中"),
    /** Not met, target passed, limit not reached. */
    WARNING("warning", "已超目标时限"),
    /** Not met, limit passed. */
    OVERDUE("overdue", "已超最迟时限"),
    /** Met before the target. */
    MET("met", "按时完成"),
    /** Met after the target, before the limit. */
    LATE("late", "超目标时限完成"),
    /** Met after the limit. */
    BREACHED("breached", "超最迟时限完成");

    private final String code;
    private final String label;

    ClockStatus(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The API value ({@code "pending"} …). */
    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public boolean isMet() {
        return this == MET || this == LATE || this == BREACHED;
    }
}
