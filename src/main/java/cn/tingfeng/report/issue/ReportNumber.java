package cn.tingfeng.report.issue;

/** The issue number of a report: 〔YYYY〕N期, N counting from 1 per type and year. */
public record ReportNumber(int year, int seq) {
    public ReportNumber {
        if (seq < 1) throw new IllegalArgumentException("seq must be positive");
    }

    /** The next number after the highest issued this year ({@code highest} 0 when none). */
    public static ReportNumber next(int year, int highest) {
        return new ReportNumber(year, highest + 1);
    }

    public String text() {
        return "〔" + year + "〕" + seq + "期";
    }
}
