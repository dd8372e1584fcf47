package cn.tingfeng.jurisdiction.place;

import cn.tingfeng.jurisdiction.Jurisdiction;
import cn.tingfeng.jurisdiction.CountyLevelUnit;

import java.util.List;

/**
 * One meaning of a gazetteer name. {@code canonical} is the official name (the surface may be an alias);
 * {@code territories} the county-level unit(s) it resolves to (empty for city-level and outside names);
 * {@code region} the province (and city) for OUTSIDE / OWN_PROVINCE; {@code category} the competent
 * category of a city entity or body; {@code weak} names count only with supporting context.
 */
public record PlaceRef(String canonical, PlaceKind kind, Jurisdiction jurisdiction, List<CountyLevelUnit> territories,
                       boolean weak, String category, String region, String province, String note) {
    public PlaceRef {
        territories = List.copyOf(territories);
    }
}
