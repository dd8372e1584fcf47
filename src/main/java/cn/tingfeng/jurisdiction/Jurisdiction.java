package cn.tingfeng.jurisdiction;

import cn.tingfeng.jurisdiction.data.JurisdictionFile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One prefecture-level jurisdiction read from a data file: its county-level units and the naming of
 * its departments. Validated on construction (messages in Chinese, naming the file).
 */
public final class Jurisdiction {

    private final JurisdictionFile file;
    private final String source;
    private final Map<String, CountyLevelUnit> byCode = new LinkedHashMap<>();
    private final Map<String, CountyLevelUnit> byName = new LinkedHashMap<>();

    public Jurisdiction(JurisdictionFile file, String source) {
        this.file = Objects.requireNonNull(file);
        this.source = source;
        String where = "属地文件 " + source;
        if (blank(file.code()) || blank(file.name())) throw new IllegalArgumentException(where + "：缺少 code 或 name");
        if (file.territories() == null || file.territories().isEmpty())
            throw new IllegalArgumentException(where + "：territories 不能为空");
        for (JurisdictionFile.TerritoryEntry t : file.territories()) {
            String tw = where + " 县区 " + t.name();
            if (blank(t.code()) || blank(t.name())) throw new IllegalArgumentException(where + "：县区缺少 code 或 name");
            CountyLevelUnit territory = new CountyLevelUnit(t.code(), Boolean.TRUE.equals(t.syntheticCode()), t.name(),
                    TerritoryType.parse(t.type(), tw), file.code());
            if (byCode.put(t.code(), territory) != null) throw new IllegalArgumentException(where + "：县区代码重复 " + t.code());
            if (byName.put(t.name(), territory) != null) throw new IllegalArgumentException(where + "：县区名称重复 " + t.name());
        }
        for (JurisdictionFile.TerritoryEntry t : file.territories()) {
            for (JurisdictionFile.Township s : listOf(t.townships())) {
                if (blank(s.name())) throw new IllegalArgumentException(where + "：" + t.name() + " 下有乡镇缺少 name");
                if (s.administeredBy() != null && !byCode.containsKey(s.administeredBy()))
                    throw new IllegalArgumentException(where + "：" + s.name() + " 的 administeredBy “" + s.administeredBy() + "” 不是本文件中的县区代码");
            }
        }
        for (JurisdictionFile.SharedPlace p : listOf(file.sharedPlaces())) {
            for (String n : listOf(p.territories()))
                if (!byName.containsKey(n)) throw new IllegalArgumentException(where + "：共享地名 " + p.name() + " 引用了未知县区 " + n);
        }
        for (JurisdictionFile.CityEntity e : listOf(file.cityEntities())) {
            if (e.locatedIn() != null && !byName.containsKey(e.locatedIn()))
                throw new IllegalArgumentException(where + "：市属单位 " + e.name() + " 的 locatedIn “" + e.locatedIn() + "” 不是本文件中的县区");
        }
    }

    public String code() {
        return file.code();
    }

    public String name() {
        return file.name();
    }

    /** The province, whose bare mention is not "outside" but not ours either. */
    public String province() {
        return file.province();
    }

    public String source() {
        return source;
    }

    public JurisdictionFile file() {
        return file;
    }

    public List<CountyLevelUnit> territories() {
        return List.copyOf(byCode.values());
    }

    public CountyLevelUnit territoryByCode(String code) {
        return byCode.get(code);
    }

    public CountyLevelUnit territoryByName(String name) {
        return byName.get(name);
    }

    /**
     * The real unit name for a category at city level (territory null) or in a territory: an explicit name
     * from the file, else the template ({city}, {territory}, {dept}, {function}).
     */
    public String unitName(String category, String dept, String function, CountyLevelUnit territory) {
        JurisdictionFile.Units u = file.units();
        String template;
        if (territory == null) {
            template = u == null || u.city() == null ? null : u.city().get(category);
            if (template == null) template = u == null || u.cityTemplate() == null ? "{city}{dept}" : u.cityTemplate();
        } else if (territory.type() == TerritoryType.ZONE) {
            template = u == null || u.zone() == null ? null : u.zone().get(category);
            if (template == null) template = u == null || u.zoneTemplate() == null ? "{territory}{dept}" : u.zoneTemplate();
        } else {
            template = u == null || u.county() == null ? null : u.county().get(category);
            if (template == null) template = u == null || u.countyTemplate() == null ? "{territory}{dept}" : u.countyTemplate();
        }
        return template.replace("{city}", name())
                .replace("{territory}", territory == null ? name() : territory.name())
                .replace("{dept}", dept == null ? "" : dept)
                .replace("{function}", function == null ? "" : function);
    }

    public static <T> List<T> listOf(List<T> l) {
        return l == null ? Collections.emptyList() : l;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    @Override
    public String toString() {
        return name() + "(" + code() + ")";
    }

    /** All names (with aliases) that denote the city itself. */
    List<String> cityNames() {
        List<String> names = new ArrayList<>();
        names.add(name());
        names.addAll(listOf(file.aliases()));
        names.addAll(listOf(file.formerNames()));
        return names;
    }
}
