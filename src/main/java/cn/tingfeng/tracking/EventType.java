package cn.tingfeng.tracking;

/** What can happen to an assignment; the history is append-only. */
public enum EventType {
    /** 交办: starts the clocks; carries the incident start and the frozen policy version. */
    ASSIGNED,
    /** 签收. */
    ACKNOWLEDGED,
    /** 回应: authoritative information published (at {@code time}); may repeat. */
    RESPONSE_PUBLISHED,
    /** 新闻发布会 held (at {@code time}). */
    PRESS_CONFERENCE_HELD,
    /** 反馈: verified facts and handling reported; may repeat. */
    FEEDBACK_REPORTED,
    /** 申请办结. */
    CLOSE_REQUESTED,
    /** 办结: the analyst accepts the close request; all clocks stop. */
    CLOSED,
    /** 退回: the analyst returns the close request for rework (reason required). */
    RETURNED,
    /** 申请改派 (reason required); clocks keep running while it is decided. */
    DISPUTED,
    /** The analyst's decision on a dispute ({@code outcome}). */
    DISPUTE_DECIDED,
    /** The analyst moves the incident start ({@code time}) with a reason. */
    START_ADJUSTED,
    /** 领导批示 issued to the lead unit ({@code ref} = instruction id, {@code time} = explicit deadline or null). */
    INSTRUCTION_ISSUED,
    /** 领导批示 completed ({@code ref} = instruction id). */
    INSTRUCTION_COMPLETED
}
