package cn.tingfeng.jurisdiction.catalog;

import cn.tingfeng.jurisdiction.CountyLevelUnit;
import cn.tingfeng.jurisdiction.JurisdictionConfig;
import cn.tingfeng.jurisdiction.Jurisdiction;
import cn.tingfeng.jurisdiction.Territory;
import cn.tingfeng.jurisdiction.TerritoryRepository;
import cn.tingfeng.jurisdiction.Unit;
import cn.tingfeng.jurisdiction.UnitRepository;
import cn.tingfeng.jurisdiction.classify.Classifiers;
import cn.tingfeng.jurisdiction.data.DutyFile;
import cn.tingfeng.jurisdiction.data.JurisdictionFile;
import cn.tingfeng.jurisdiction.data.JurisdictionLoader;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Loads the shipped jurisdiction and every file of the external directory at startup (before the demo accounts),
 * upserts territories and units into the database and hands the data to the classifier. Idempotent: a restart
 * with unchanged files changes nothing; an edited file renames units in place; units that no longer follow
 * from the files are deactivated, never deleted (assignments may reference them). An invalid external file
 * is reported by name and skipped; the shipped jurisdiction always loads.
 */
@ApplicationScoped
public class JurisdictionSeeder {
    private static final Logger LOG = Logger.getLogger(JurisdictionSeeder.class);

    /** The outcome of a (re)load: the seed report and the files that were rejected. */
    public record ReloadResult(SeedReport seed, List<String> errors, String dataVersion, List<String> jurisdictions) {
    }

    @Inject
    JurisdictionConfig config;
    @Inject
    TerritoryRepository territories;
    @Inject
    UnitRepository units;
    @Inject
    Classifiers classifiers;

    void onStart(@Observes @Priority(100) StartupEvent event) {
        reload();
    }

    /** Reads the files again, upserts the catalog and rebuilds the classifier. */
    public synchronized ReloadResult reload() {
        long start = System.nanoTime();
        JurisdictionLoader.LoadResult loaded = JurisdictionLoader.loadTolerant(List.of(JurisdictionLoader.SHIPPED),
                config.dir().orElse(null));
        loaded.errors().forEach(e -> LOG.errorf("属地数据文件有误，已跳过（本辖区数据照常加载）：%s", e));
        SeedReport report = seed(loaded.data());
        report.warnings().forEach(w -> LOG.warn(w));
        classifiers.install(loaded);
        List<String> names = loaded.data().jurisdictions().stream().map(j -> j.name() + "（" + j.source() + "）").toList();
        LOG.infof("属地数据已加载（%d ms）：%s；新建县区/乡镇 %d、更新 %d，新建单位 %d、更新 %d、停用 %d",
                (System.nanoTime() - start) / 1_000_000, names, report.territoriesCreated(),
                report.territoriesUpdated(), report.unitsCreated(), report.unitsUpdated(), report.unitsDeactivated());
        return new ReloadResult(report, loaded.errors(), loaded.version(), names);
    }

    /** Upserts the territories and units of these jurisdictions. */
    @Transactional
    public SeedReport seed(JurisdictionLoader.JurisdictionData data) {
        Run run = new Run();
        for (Territory t : territories.listAll()) run.territories.put(t.code, t);
        for (Unit u : units.listAll()) {
            run.unitsByName.put(u.name, u);
            run.slots.put(slot(u.territory.id, u.category), u);
        }
        Set<String> codes = new HashSet<>();
        for (Jurisdiction j : data.jurisdictions()) {
            codes.add(j.code());
            seedJurisdiction(j, data.duties(), run);
        }
        for (Unit u : units.listAll()) {
            if (u.active && codes.contains(u.territory.jurisdiction) && !run.seen.contains(u.id)) {
                u.active = false;
                run.unitsDeactivated++;
            }
        }
        return new SeedReport(run.territoriesCreated, run.territoriesUpdated, run.unitsCreated, run.unitsUpdated,
                run.unitsDeactivated, run.warnings);
    }

    private void seedJurisdiction(Jurisdiction j, DutyFile duties, Run run) {
        Territory city = territory(run, j.code(), j.name(), Territory.CITY, "city", null, j.code());
        Map<String, Territory> counties = new HashMap<>();
        for (CountyLevelUnit c : j.territories())
            counties.put(c.code(), territory(run, c.code(), c.name(), Territory.COUNTY, c.type().name().toLowerCase(), city, j.code()));
        for (JurisdictionFile.TerritoryEntry t : Jurisdiction.listOf(j.file().territories())) {
            for (JurisdictionFile.Township s : Jurisdiction.listOf(t.townships())) {
                Territory parent = counties.get(s.administeredBy() != null ? s.administeredBy() : t.code());
                String code = s.code() != null && !s.code().isBlank() ? s.code() : t.code() + ":" + s.name();
                territory(run, code, s.name(), Territory.TOWNSHIP, townshipKind(s.name()), parent, j.code());
            }
        }
        duties.categories().forEach((category, c) -> {
            unit(run, city, category, j.unitName(category, c.dept(), c.function(), null), Territory.CITY);
            for (CountyLevelUnit county : j.territories())
                unit(run, counties.get(county.code()), category, j.unitName(category, c.dept(), c.function(), county), Territory.COUNTY);
        });
    }

    private Territory territory(Run run, String code, String name, String level, String kind, Territory parent, String jurisdiction) {
        Territory t = run.territories.get(code);
        if (t == null) {
            t = new Territory();
            t.code = code;
            t.name = name;
            t.level = level;
            t.kind = kind;
            t.parent = parent;
            t.jurisdiction = jurisdiction;
            territories.persist(t);
            run.territories.put(code, t);
            run.territoriesCreated++;
            return t;
        }
        boolean changed = !name.equals(t.name) || !level.equals(t.level) || !Objects.equals(kind, t.kind)
                || !jurisdiction.equals(t.jurisdiction) || !Objects.equals(parent == null ? null : parent.id, t.parent == null ? null : t.parent.id);
        if (changed) {
            t.name = name;
            t.level = level;
            t.kind = kind;
            t.parent = parent;
            t.jurisdiction = jurisdiction;
            run.territoriesUpdated++;
        }
        return t;
    }

    private void unit(Run run, Territory territory, String category, String name, String level) {
        Unit u = run.slots.get(slot(territory.id, category));
        Unit named = run.unitsByName.get(name);
        if (u == null) {
            if (named != null) {
                // the file names a unit shared with another slot (e.g. a city centre serving a zone): nothing to add
                if (named.territory.id.equals(territory.id)) run.warnings.add("单位 " + name + " 已存在于 " + territory.name + " 的其他类别");
                run.seen.add(named.id);
                return;
            }
            u = new Unit();
            u.name = name;
            u.category = category;
            u.level = level;
            u.territory = territory;
            units.persist(u);
            run.slots.put(slot(territory.id, category), u);
            run.unitsByName.put(name, u);
            run.unitsCreated++;
        } else {
            boolean changed = false;
            if (!name.equals(u.name)) {
                if (named != null && named != u) {
                    run.warnings.add("单位名称 " + name + " 已被其他单位使用，" + u.name + " 未改名");
                } else {
                    run.unitsByName.remove(u.name);
                    u.name = name;
                    run.unitsByName.put(name, u);
                    changed = true;
                }
            }
            if (!u.active || !level.equals(u.level)) {
                u.active = true;
                u.level = level;
                changed = true;
            }
            if (changed) run.unitsUpdated++;
        }
        run.seen.add(u.id);
    }

    static String townshipKind(String name) {
        if (name.endsWith("街道")) return "street";
        if (name.endsWith("镇")) return "town";
        if (name.endsWith("乡")) return "township";
        if (name.endsWith("农场") || name.endsWith("林场") || name.endsWith("盐场")) return "farm";
        return "other";
    }

    private static String slot(Long territoryId, String category) {
        return territoryId + "/" + category;
    }

    private static final class Run {
        final Map<String, Territory> territories = new HashMap<>();
        final Map<String, Unit> unitsByName = new HashMap<>();
        final Map<String, Unit> slots = new HashMap<>();
        final Set<Long> seen = new HashSet<>();
        final List<String> warnings = new ArrayList<>();
        int territoriesCreated;
        int territoriesUpdated;
        int unitsCreated;
        int unitsUpdated;
        int unitsDeactivated;
    }
}
