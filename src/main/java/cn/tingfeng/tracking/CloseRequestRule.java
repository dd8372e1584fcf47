package cn.tingfeng.tracking;

import java.util.Optional;

/**
 * 申请办结 needs an authoritative response where one was due: an assignment with a 首次回应 clock (the lead
 * unit under a grade whose policy has one) may ask to close only after a response has been recorded. Pure.
 */
public final class CloseRequestRule {
    public static final String NO_RESPONSE = "尚未登记发布的权威信息（回应），不能申请办结：请先在“发布回应”中登记已发布的回应";

    private CloseRequestRule() {
    }

    /** The Chinese reason why the unit may not ask to close now, or empty when it may. */
    public static Optional<String> refusal(AssignmentClocks clocks) {
        return clocks.clock("firstResponse").filter(c -> c.metAt() == null).map(c -> NO_RESPONSE);
    }
}
