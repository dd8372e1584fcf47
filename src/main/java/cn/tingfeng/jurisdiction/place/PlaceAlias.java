package cn.tingfeng.jurisdiction.place;

/**
 * A place name residents use that the data files do not hold, approved by an administrator after an analyst's
 * territory correction taught it (an estate, a village, a road, a company …): {@code name} resolves to the
 * county-level unit {@code territory} of the jurisdiction {@code jurisdictionCode}.
 */
public record PlaceAlias(String name, String jurisdictionCode, String territory) {
}
