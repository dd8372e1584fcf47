package cn.tingfeng.tracking;

/** Where the assignment's workflow stands after its history. */
public enum AssignmentState {
    ACTIVE, DISPUTED, CLOSE_REQUESTED, CLOSED, REASSIGNED;

    public boolean isTerminal() {
        return this == CLOSED || this == REASSIGNED;
    }
}
