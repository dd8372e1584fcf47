package cn.tingfeng.tracking;

/** Lead unit (牵头) or co-responding unit (配合). */
public enum AssignmentRole {
    /** Runs every clock: ack, first response, press conference, feedback, close, leader instructions. */
    LEAD,
    /** Runs ack, feedback and close only: publication and press conferences are the lead's (Art. 19). */
    CO
}
