package cn.tingfeng.crawl;

import cn.tingfeng.crawl.health.SourceHealth;
import cn.tingfeng.crawl.health.SourceHealthRepository;
import cn.tingfeng.shared.ApiException;
import cn.tingfeng.source.Source;
import cn.tingfeng.source.SourceError;
import cn.tingfeng.source.SourceRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The admin's view of the sources: definition state, validation errors, schedule and health. */
@ApplicationScoped
public class SourceOverview {

    public record Overview(String directory, boolean scheduling, int failingAfter, List<SourceView> sources,
                           List<InvalidFile> invalidFiles) {
    }

    /** A file whose errors belong to no known source (a new file that never was valid). */
    public record InvalidFile(String file, List<SourceError> errors) {
    }

    public record SourceView(Long id, String key, String name, String type, String url, String platform, boolean enabled,
                             String schedule, String keywords, String file, String state, List<SourceError> errors,
                             boolean scheduled, Instant nextRun, boolean running, Health health) {
    }

    public record Health(Instant lastRunAt, Instant lastSuccessAt, Long lastDurationMs, int lastItemsSeen,
                         int lastItemsNew, int lastItemsUpdated, String lastError, long runs, long itemsSeen, long itemsNew,
                         int consecutiveFailures, boolean failing, Double averageLatencySeconds,
                         Map<String, Long> errorsByKind) {
    }

    public record ImportView(String file, String fileHash, int rowsTaken, int rowsRejected, int rowsNew,
                             List<String> rejected, Instant importedAt) {
    }

    @Inject
    SourceRepository sources;
    @Inject
    SourceHealthRepository health;
    @Inject
    SourceRegistry registry;
    @Inject
    SourceJobs jobs;
    @Inject
    CrawlService crawls;
    @Inject
    ImportedFileRepository imports;
    @Inject
    CrawlerConfig config;

    @Transactional
    public Overview overview() {
        Set<String> scheduled = config.enabled() ? jobs.scheduled() : Set.of();
        List<SourceView> views = new ArrayList<>();
        Set<String> filesWithRows = new java.util.HashSet<>();
        for (Source s : sources.list("order by key")) {
            if (s.definitionFile != null) {
                filesWithRows.add(s.definitionFile);
            }
            views.add(view(s, scheduled));
        }
        List<InvalidFile> orphans = new ArrayList<>();
        registry.errorsByFile().forEach((file, errs) -> {
            if (!filesWithRows.contains(file)) {
                orphans.add(new InvalidFile(file, errs));
            }
        });
        orphans.sort(java.util.Comparator.comparing(InvalidFile::file));
        return new Overview(config.dir().toString(), config.enabled(), config.failingAfter(), views, orphans);
    }

    @Transactional
    public SourceView one(String idOrKey) {
        return view(find(idOrKey), config.enabled() ? jobs.scheduled() : Set.of());
    }

    @Transactional
    public List<ImportView> imports(String idOrKey) {
        Source s = find(idOrKey);
        return imports.recent(s.id, 100).stream().map(f -> new ImportView(f.fileName, f.fileHash, f.rowsTaken,
                f.rowsRejected, f.rowsNew, f.report == null || f.report.isEmpty() ? List.of() : Arrays.asList(f.report.split("\n")),
                f.importedAt)).toList();
    }

    /** A source by numeric id or by key (the definition's id). */
    public Source find(String idOrKey) {
        Source s = idOrKey.matches("\\d{1,18}") ? sources.findById(Long.parseLong(idOrKey)) : null;
        if (s == null) {
            s = sources.findByKey(idOrKey).orElseThrow(() -> ApiException.notFound("来源 " + idOrKey));
        }
        return s;
    }

    private SourceView view(Source s, Set<String> scheduled) {
        SourceHealth h = health.findById(s.id);
        Health hv = h == null ? null : new Health(h.lastRunAt, h.lastSuccessAt, h.lastDurationMs, h.lastItemsSeen,
                h.lastItemsNew, h.lastItemsUpdated, h.lastError, h.runs, h.itemsSeen, h.itemsNew, h.consecutiveFailures,
                h.consecutiveFailures >= config.failingAfter(), h.averageLatencySeconds(), health.errorsByKind(s.id));
        boolean isScheduled = scheduled.contains(s.key);
        return new SourceView(s.id, s.key, s.name, s.type, s.url, s.platform, s.enabled, s.schedule, s.keywords,
                s.definitionFile, s.definitionState, registry.errors(s.definitionFile), isScheduled,
                isScheduled ? jobs.nextRun(s.key).map(d -> d.toInstant()).orElse(null) : null, crawls.isRunning(s.key), hv);
    }
}
