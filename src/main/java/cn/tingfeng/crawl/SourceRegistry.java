package cn.tingfeng.crawl;

import cn.tingfeng.shared.TingfengConfig;
import cn.tingfeng.source.Source;
import cn.tingfeng.source.SourceCatalog;
import cn.tingfeng.source.SourceDefinition;
import cn.tingfeng.source.SourceError;
import cn.tingfeng.source.SourceRepository;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The sources of the crawlers/ folder as the application knows them: loaded at start and on reload (admin action or a
 * changed file), mirrored into {@code source} rows, and announced with {@link SourcesReloaded} so the jobs follow.
 * A bad file never stops the others: its errors are kept (file, field, reason) and its source is not run.
 */
@ApplicationScoped
public class SourceRegistry {

    /** What a reload did. */
    public record ReloadReport(String directory, int valid, List<String> added, List<String> changed, List<String> removed,
                               List<SourceError> errors) {
    }

    @Inject
    CrawlerConfig config;
    @Inject
    TingfengConfig core;
    @Inject
    SourceRepository sources;
    @Inject
    Clock clock;
    @Inject
    Event<SourcesReloaded> reloaded;

    private volatile Map<String, SourceDefinition> definitions = Map.of();
    private volatile Map<String, List<SourceError>> errorsByFile = Map.of();
    private volatile String fingerprint;

    void onStart(@Observes @Priority(400) StartupEvent event) {
        ReloadReport r = reload();
        Log.infof("来源目录 %s：%d 个有效来源，%d 个错误", r.directory(), r.valid(), r.errors().size());
        if (r.valid() == 0) {
            Log.warnf("来源目录 %s 中没有可用的来源定义，不会采集任何内容（当前工作目录 %s；用 TINGFENG_CRAWLERS_DIR 指定来源目录）",
                    config.dir().toAbsolutePath().normalize(), Path.of("").toAbsolutePath());
        }
    }

    public synchronized ReloadReport reload() {
        Path dir = config.dir();
        String print = fingerprint(dir);
        SourceCatalog catalog = SourceCatalog.load(dir, owners());
        Path importRoot = config.importDir().orElse(core.dataDir().resolve("import"));
        Map<String, SourceDefinition> defs = new LinkedHashMap<>();
        Map<String, String> hashes = new LinkedHashMap<>();
        for (SourceDefinition d : catalog.all()) {
            defs.put(d.id(), d.withImportRoot(importRoot));
            hashes.put(d.id(), hash(d.file()));
        }
        Map<String, List<SourceError>> errors = catalog.errors().stream()
                .collect(Collectors.groupingBy(SourceError::file, LinkedHashMap::new, Collectors.toList()));
        ReloadReport report = mirror(dir.toString(), defs, hashes, errors);
        for (SourceError e : catalog.errors()) {
            Log.warnf("来源定义错误 %s", e);
        }
        definitions = Map.copyOf(defs);
        errorsByFile = Map.copyOf(errors);
        fingerprint = print;
        reloaded.fire(new SourcesReloaded(List.copyOf(defs.values())));
        return report;
    }

    /** Whether a definition file was added, changed or removed since the last load. */
    public boolean changedOnDisk() {
        return !fingerprint(config.dir()).equals(fingerprint);
    }

    public Optional<SourceDefinition> definition(String key) {
        return Optional.ofNullable(definitions.get(key));
    }

    public List<SourceDefinition> definitions() {
        return List.copyOf(definitions.values());
    }

    /** Validation errors of one definition file (empty when valid). */
    public List<SourceError> errors(String file) {
        return file == null ? List.of() : errorsByFile.getOrDefault(file, List.of());
    }

    public Map<String, List<SourceError>> errorsByFile() {
        return errorsByFile;
    }

    /** Which file owns each id the application knows (a second file with the same id never takes it over). */
    @Transactional
    Map<String, String> owners() {
        Map<String, String> owners = new java.util.HashMap<>();
        for (Source s : sources.list("definitionFile is not null")) {
            owners.put(s.key, s.definitionFile);
        }
        return owners;
    }

    @Transactional
    ReloadReport mirror(String dir, Map<String, SourceDefinition> defs, Map<String, String> hashes,
                        Map<String, List<SourceError>> errors) {
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        Set<String> files = new java.util.HashSet<>(errors.keySet());
        for (SourceDefinition d : defs.values()) {
            String file = d.file().getFileName().toString();
            files.add(file);
            Source s = sources.findByKey(d.id()).orElse(null);
            if (s == null) {
                s = new Source();
                s.key = d.id();
                s.createdAt = clock.instant();
                added.add(d.id());
            } else if (!hashes.get(d.id()).equals(s.definitionHash) || !Source.VALID.equals(s.definitionState)) {
                changed.add(d.id());
            }
            s.name = d.name();
            s.type = d.type().name().toLowerCase(java.util.Locale.ROOT);
            s.url = d.url() == null ? null : d.url().toString();
            s.platform = d.platform();
            s.enabled = d.enabled();
            s.schedule = d.scheduleText();
            s.keywords = d.keywords().allPlans() ? "all" : String.join(",", d.keywords().plans());
            s.definitionFile = file;
            s.definitionHash = hashes.get(d.id());
            s.definitionState = Source.VALID;
            s.validationErrors = null;
            s.updatedAt = clock.instant();
            if (s.id == null) {
                sources.persist(s);
            }
        }
        for (Source s : sources.list("definitionFile is not null")) {
            if (defs.containsKey(s.key)) {
                continue;
            }
            List<SourceError> errs = errors.get(s.definitionFile);
            if (errs != null) {
                if (!Source.INVALID.equals(s.definitionState)) {
                    changed.add(s.key);
                }
                s.definitionState = Source.INVALID;
                s.validationErrors = truncate(errs.stream().map(SourceError::toString).collect(Collectors.joining("\n")));
                s.updatedAt = clock.instant();
            } else if (!files.contains(s.definitionFile) && !Source.MISSING.equals(s.definitionState)) {
                s.definitionState = Source.MISSING;
                s.updatedAt = clock.instant();
                removed.add(s.key);
            }
        }
        List<SourceError> all = errors.values().stream().flatMap(List::stream).toList();
        return new ReloadReport(dir, defs.size(), added, changed, removed, all);
    }

    private static String truncate(String s) {
        return s.length() <= 10_000 ? s : s.substring(0, 10_000);
    }

    static String hash(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (Exception e) {
            return "unreadable";
        }
    }

    /** Names and content hashes of the definition files (a few small files: cheap every few seconds). */
    static String fingerprint(Path dir) {
        if (!Files.isDirectory(dir)) {
            return "(no directory)";
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().matches("[^.].*\\.ya?ml")).sorted().map(p -> {
                return p.getFileName() + ":" + hash(p);
            }).collect(Collectors.joining("|"));
        } catch (IOException e) {
            return "(unreadable)";
        }
    }
}
