package cn.tingfeng.jurisdiction.catalog;

import java.util.List;

/** What one run of the seeder changed (all zero on a restart with unchanged files). */
public record SeedReport(int territoriesCreated, int territoriesUpdated, int unitsCreated, int unitsUpdated,
                         int unitsDeactivated, List<String> warnings) {
    public SeedReport {
        warnings = List.copyOf(warnings);
    }

    public boolean changedNothing() {
        return territoriesCreated + territoriesUpdated + unitsCreated + unitsUpdated + unitsDeactivated == 0;
    }
}
