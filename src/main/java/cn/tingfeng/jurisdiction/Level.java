package cn.tingfeng.jurisdiction;

/** The level that must respond (Art. 19); {@link #code()} is the API value. */
public enum Level {
    COUNTY("county"), CITY("city"), NONE("none");

    private final String code;

    Level(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
