package cn.tingfeng.incident.assess;

/** The incident categories of Art. 18 (what is monitored), with stable codes. */
public enum Art18Category {
    MAJOR_DECISION("major-decision", "党委政府重大决策部署"),
    ECONOMY_REFORM("economy-reform", "两会、经济数据、重大改革和重大政务活动"),
    PUBLIC_INTEREST_REPORT("public-interest-report", "涉及公共利益的媒体报道"),
    IMAGE_DAMAGING("image-damaging", "损害政府形象和公信力的事项"),
    MAJOR_EMERGENCY("major-emergency", "重大突发事件"),
    LIVELIHOOD_MORALITY("livelihood-morality", "民生问题及严重违背社会道德的问题"),
    FALSE_INFORMATION("false-information", "严重危害社会秩序和稳定的虚假信息");

    private final String code;
    private final String label;

    Art18Category(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static Art18Category fromCode(String code) {
        for (Art18Category c : values()) {
            if (c.code.equals(code)) {
                return c;
            }
        }
        throw new IllegalArgumentException("未知的舆情类别：" + code);
    }
}
