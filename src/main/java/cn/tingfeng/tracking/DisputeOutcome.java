package cn.tingfeng.tracking;

/** Decision on a dispute (申请改派). */
public enum DisputeOutcome {
    /** The assignment stands; the clocks were never paused. */
    ASSIGNMENT_UPHELD,
    /** The incident goes to another unit (a new assignment); this assignment's clocks stop. */
    REASSIGNED
}
