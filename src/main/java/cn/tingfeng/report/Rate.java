package cn.tingfeng.report;

/** A rate with the counts behind it: {@code count} of {@code of}. */
public record Rate(long count, long of) {
    /** count ÷ of, or null when there is nothing to count (of = 0). */
    public Double ratio() {
        return of == 0 ? null : (double) count / of;
    }

    /** Percent with two decimals ("95.28"), or null when of = 0. Rounded half up, as the annual report prints it. */
    public String percent() {
        return of == 0 ? null : java.math.BigDecimal.valueOf(count * 100L)
                .divide(java.math.BigDecimal.valueOf(of), 2, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
