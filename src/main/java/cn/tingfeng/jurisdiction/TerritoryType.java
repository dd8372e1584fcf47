package cn.tingfeng.jurisdiction;

/** County-level unit types; functional zones act at county level under Art. 19. */
public enum TerritoryType {
    DISTRICT("区"), COUNTY("县"), ZONE("功能区");

    private final String label;

    TerritoryType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    static TerritoryType parse(String s, String where) {
        if (s == null) throw new IllegalArgumentException(where + "：缺少 type（district/county/zone）");
        switch (s.trim().toLowerCase()) {
            case "district": return DISTRICT;
            case "county": return COUNTY;
            case "zone": return ZONE;
            default: throw new IllegalArgumentException(where + "：未知 type “" + s + "”（应为 district/county/zone）");
        }
    }
}
