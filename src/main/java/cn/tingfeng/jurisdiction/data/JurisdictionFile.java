package cn.tingfeng.jurisdiction.data;

import java.util.List;
import java.util.Map;

/**
 * The YAML shape of one jurisdiction file (see the comment header of {@code jurisdiction/lianyungang.yaml}).
 * Unknown keys are rejected so that an administrator's typo fails loudly at start.
 */
public record JurisdictionFile(
        String code,
        String name,
        String province,
        List<String> aliases,
        List<String> weakAliases,
        List<String> formerNames,
        List<String> cityMarkers,
        Units units,
        List<TerritoryEntry> territories,
        List<SharedPlace> sharedPlaces,
        List<CityEntity> cityEntities,
        List<String> neutral,
        Map<String, Map<String, Double>> duties) {

    public record Units(String cityTemplate, String countyTemplate, String zoneTemplate,
                        Map<String, String> city, Map<String, String> county, Map<String, String> zone) {
    }

    public record TerritoryEntry(String code, Boolean syntheticCode, String name, String type,
                                 List<String> aliases, List<String> weakAliases, List<String> formerNames,
                                 String note, List<Township> townships, List<PlaceEntry> places) {
    }

    public record Township(String code, String name, List<String> aliases, List<String> weakAliases,
                           String administeredBy, String note) {
    }

    /**
     * A place residents name instead of the county: {@code source} says where the name comes from (e.g.
     * "public knowledge", an OSM-style reference, a local office) so that it can be confirmed locally.
     */
    public record PlaceEntry(String name, String kind, List<String> aliases, List<String> weakAliases,
                             Boolean weak, String note, String source) {
    }

    public record SharedPlace(String name, List<String> territories, String note) {
    }

    public record CityEntity(String name, List<String> aliases, List<String> weakAliases, String kind,
                             String category, String locatedIn, String note) {
    }
}
