package cn.tingfeng.tracking.sla;

/**
 * The deadline rule of one obligation.
 *
 * @param target              the deadline to meet (past it the clock is {@code warning}, 催办 is due)
 * @param limit               the latest acceptable time (past it {@code overdue}, 督办 is due); defaults to the target
 * @param anchor              where the clock starts; defaults per obligation (see {@link GradeRules})
 * @param remindBefore        reminder lead time before the target; null = no reminder
 * @param accountabilityAfter 问责 threshold counted from the limit; null = no accountability step
 */
public record ObligationRule(Span target, Span limit, Anchor anchor, Span remindBefore, Span accountabilityAfter) {

    public ObligationRule {
        if (target == null) throw new IllegalArgumentException("期限规则缺少 target");
        if (limit == null) limit = target;
        if (!target.isWorkingDays() && !limit.isWorkingDays()
                && limit.duration().compareTo(target.duration()) < 0) {
            throw new IllegalArgumentException("最迟时限 " + limit + " 早于目标时限 " + target);
        }
        if (target.isWorkingDays() && limit.isWorkingDays() && limit.amount() < target.amount()) {
            throw new IllegalArgumentException("最迟时限 " + limit + " 早于目标时限 " + target);
        }
    }

    public static ObligationRule of(String target, String limit) {
        return new ObligationRule(Span.parse(target), Span.parse(limit), null, null, null);
    }

    public ObligationRule withAnchor(Anchor a) {
        return new ObligationRule(target, limit, a, remindBefore, accountabilityAfter);
    }

    public ObligationRule remindBefore(String span) {
        return new ObligationRule(target, limit, anchor, Span.parse(span), accountabilityAfter);
    }

    public ObligationRule accountabilityAfter(String span) {
        return new ObligationRule(target, limit, anchor, remindBefore, Span.parse(span));
    }

    /** Chinese description for supervision records: "目标 3 小时，最迟 5 小时（自舆情发生起）". */
    public String describe(Anchor effectiveAnchor) {
        String t = target.equals(limit) ? "时限 " + target.label() : "目标 " + target.label() + "，最迟 " + limit.label();
        return t + "（" + effectiveAnchor.label() + "）";
    }
}
