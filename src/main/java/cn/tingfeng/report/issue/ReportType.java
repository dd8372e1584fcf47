package cn.tingfeng.report.issue;

import java.util.Arrays;
import java.util.Optional;

/** The reports of public-opinion work; each numbered on its own per year (〔2026〕N期). */
public enum ReportType {
    FLASH("flash", "舆情快报"),
    DAILY("daily", "舆情日报"),
    WEEKLY("weekly", "舆情周报"),
    SPECIAL("special", "舆情专报"),
    ZERO("zero", "定时零汇报");

    private final String code;
    private final String label;

    ReportType(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    /** The 报头 (masthead) and the name of the type. */
    public String label() {
        return label;
    }

    public static Optional<ReportType> of(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
    }
}
