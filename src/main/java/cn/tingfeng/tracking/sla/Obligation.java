package cn.tingfeng.tracking.sla;

/** The obligations of an assignment that run a clock (Art. 20–21). */
public enum Obligation {
    ACK("ack", "签收"),
    FIRST_RESPONSE("firstResponse", "首次发布权威信息"),
    PRESS_CONFERENCE("pressConference", "召开新闻发布会"),
    FEEDBACK("feedback", "报送核查处置反馈"),
    CLOSE("close", "申请办结"),
    INSTRUCTION("instruction", "落实领导批示");

    private final String key;
    private final String label;

    Obligation(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** The key used in the API's {@code clocks} object; instructions use {@code instruction:<id>}. */
    public String key() {
        return key;
    }

    public String label() {
        return label;
    }
}
