package cn.tingfeng.jurisdiction;

/** A responsible (or informed) unit: the category code of DOMAIN.md and the real unit name. */
public record Assignee(String category, String unit) {
}
