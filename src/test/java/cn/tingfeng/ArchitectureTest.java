package cn.tingfeng;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package layout follows the data: posts are collected ({@code source}, {@code post}, {@code crawl}), matched
 * ({@code watch}), grouped and assessed ({@code incident}), proposed to units ({@code jurisdiction}) and tracked
 * ({@code tracking}). A stage may use the stages before it and the shared core, never one after it: where an earlier
 * stage must learn something from a later one it declares an interface (or fires a CDI event) that the later stage
 * implements (or observes). {@code web}, {@code demo} and {@code report} sit on top and may use everything.
 *
 * <p>Checked on the compiled main classes (bytecode): an unused import leaves no trace there, a used one does.
 */
class ArchitectureTest {
    private static final String ROOT = "cn.tingfeng";

    /** The tiny shared core: clock, roles, grades, API errors, text normalisation. Depends on no feature. */
    private static final List<String> CORE = List.of("shared");
    /** Infrastructure used by several stages: the audit chain, accounts and roles, alert delivery. */
    private static final List<String> INFRASTRUCTURE = List.of("audit", "security", "notify");
    /** The stages of the data flow, earliest first. */
    private static final List<String> STAGES = List.of("source", "post", "crawl", "watch", "incident", "jurisdiction", "tracking");
    /** Orchestration of the monitoring pipeline (post queue workers), beside jurisdiction: may use collected..incident. */
    private static final String PIPELINE = "pipeline";
    /** On top: pages, the demo profile's data, reports. */
    private static final List<String> TOP = List.of("web", "demo", "report");
    /**
     * Full-text search over the archive: reads posts, places (jurisdiction), incidents and plan matches, exports through
     * report's tables; web uses it. Nothing below may use it; it may not use web or demo.
     */
    private static final String SEARCH = "search";
    /** Layers that need not exist (yet). */
    private static final Set<String> OPTIONAL = Set.of(PIPELINE, "report");

    private static final JavaClasses MAIN_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void featurePackagesDependOnlyOnEarlierStagesAndTheSharedCore() {
        layering().check(MAIN_CLASSES);
    }

    @Test
    void topLevelPackagesHaveNoDependencyCycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(MAIN_CLASSES);
    }

    @Test
    void everyTopLevelPackageHasAPlaceInTheLayering() {
        Set<String> known = new TreeSet<>(allLayers());
        Set<String> found = new TreeSet<>();
        for (JavaClass c : MAIN_CLASSES) {
            String pkg = c.getPackageName();
            if (pkg.startsWith(ROOT + ".")) {
                found.add(pkg.substring(ROOT.length() + 1).split("\\.")[0]);
            } else {
                found.add("(" + pkg + ")");
            }
        }
        assertThat(found)
                .as("a new top-level package under %s must be added to a layer of %s", ROOT, getClass().getSimpleName())
                .isSubsetOf(known);
    }

    /**
     * Allowed dependencies: each package may use only the layers listed for it (its own classes always). Stage n may use
     * core, infrastructure and stages 0..n-1; infrastructure uses only the core (notify also security).
     */
    static LayeredArchitecture layering() {
        LayeredArchitecture layers = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (String name : allLayers()) {
            String packages = ROOT + "." + name + "..";
            layers = OPTIONAL.contains(name) ? layers.optionalLayer(name).definedBy(packages) : layers.layer(name).definedBy(packages);
        }
        layers = layers
                .whereLayer("shared").mayNotAccessAnyLayer()
                .whereLayer("audit").mayOnlyAccessLayers("shared")
                .whereLayer("security").mayOnlyAccessLayers("shared")
                .whereLayer("notify").mayOnlyAccessLayers("shared", "security");
        List<String> below = new ArrayList<>(CORE);
        below.addAll(INFRASTRUCTURE);
        for (String stage : STAGES) {
            layers = layers.whereLayer(stage).mayOnlyAccessLayers(below.toArray(String[]::new));
            below.add(stage);
            if (stage.equals("incident")) {
                layers = layers.whereLayer(PIPELINE).mayOnlyAccessLayers(below.toArray(String[]::new));
            }
        }
        List<String> belowSearch = new ArrayList<>(below);
        belowSearch.add(PIPELINE);
        belowSearch.add("report");
        layers = layers.whereLayer(SEARCH).mayOnlyAccessLayers(belowSearch.toArray(String[]::new));
        // web, demo and report may use everything: no restriction on them; nothing below may use them (see above).
        return layers;
    }

    private static List<String> allLayers() {
        return Stream.of(CORE.stream(), INFRASTRUCTURE.stream(), STAGES.stream(), Stream.of(PIPELINE), Stream.of(SEARCH), TOP.stream())
                .flatMap(s -> s).toList();
    }
}
