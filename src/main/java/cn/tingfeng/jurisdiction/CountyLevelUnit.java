package cn.tingfeng.jurisdiction;

/** A county-level unit (区、县 or functional zone) of a jurisdiction. */
public record CountyLevelUnit(String code, boolean syntheticCode, String name, TerritoryType type, String jurisdictionCode) {
}
