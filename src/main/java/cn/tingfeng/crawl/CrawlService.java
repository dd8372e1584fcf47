package cn.tingfeng.crawl;

import cn.tingfeng.crawl.CrawlRun.CrawlError;
import cn.tingfeng.crawl.health.CrawlMetrics;
import cn.tingfeng.crawl.health.HealthRecorder;
import cn.tingfeng.crawl.health.SourceHealth;
import cn.tingfeng.crawl.parse.ImportFileParser.ImportReport;
import cn.tingfeng.crawl.parse.ParsedItem;
import cn.tingfeng.post.PostStore;
import cn.tingfeng.post.UrlCanonicalizer;
import cn.tingfeng.shared.ApiException;
import cn.tingfeng.source.Source;
import cn.tingfeng.source.SourceDefinition;
import cn.tingfeng.source.SourceRepository;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs a source: the pure {@link SourceCrawler} with the validators and imported files the database knows, then every
 * result through {@link PostStore} (new, updated, unchanged; 404/410 marked deleted), import reports kept, health and
 * metrics updated. One run per source at a time on this node (Quartz keeps it so across the cluster).
 */
@ApplicationScoped
public class CrawlService {
    private static final int MAX_ERRORS_SHOWN = 50;
    private static final int MAX_REJECTED_SHOWN = 200;

    @Inject
    SourceRegistry registry;
    @Inject
    SourceCrawler crawler;
    @Inject
    PostStore store;
    @Inject
    SourceRepository sources;
    @Inject
    CrawlValidatorRepository validators;
    @Inject
    ImportedFileRepository importedFiles;
    @Inject
    CrawlRecorder recorder;
    @Inject
    HealthRecorder health;
    @Inject
    CrawlMetrics metrics;
    @Inject
    CrawlerConfig config;

    private final Set<String> running = ConcurrentHashMap.newKeySet();

    /** Called by the Quartz job: a source that went away or is running is skipped, never an error. */
    @ActivateRequestContext
    public void runScheduled(String key) {
        SourceDefinition d = registry.definition(key).orElse(null);
        if (d == null || !d.enabled()) {
            Log.infof("来源 %s 已不存在或已停用，跳过本次调度", key);
            return;
        }
        if (!running.add(key)) {
            Log.infof("来源 %s 仍在运行，跳过本次调度", key);
            return;
        }
        try {
            RunSummary s = run(d);
            Log.infof("来源 %s：看到 %d，新增 %d，更新 %d，错误 %d", key, s.itemsSeen(), s.newPosts(), s.updated(),
                    s.errors().size());
        } catch (RuntimeException e) {
            Log.errorf(e, "来源 %s 运行失败", key);
        } finally {
            running.remove(key);
        }
    }

    /** Runs a source now (admin action), enabled or not, as long as its definition is valid. */
    public RunSummary runNow(String key) {
        SourceDefinition d = registry.definition(key).orElseThrow(() -> registry.errorsByFile().isEmpty()
                ? ApiException.notFound("来源 " + key)
                : ApiException.notFound("来源 " + key + "（或其定义文件无效）"));
        if (!running.add(key)) {
            throw ApiException.conflict("来源 " + key + " 正在运行，请稍后再试");
        }
        try {
            return run(d);
        } finally {
            running.remove(key);
        }
    }

    public boolean isRunning(String key) {
        return running.contains(key);
    }

    RunSummary run(SourceDefinition def) {
        Source source = sources.findByKey(def.id()).orElseThrow(() -> ApiException.notFound("来源 " + def.id()));
        Map<String, String[]> known = validators.forSource(source.id);
        Set<String> imported = importedFiles.hashes(source.id);
        SourceCrawler.Known k = new SourceCrawler.Known() {
            @Override
            public String[] validators(String canonicalUrl) {
                return known.get(sha256(canonicalUrl));
            }

            @Override
            public boolean imported(String fileHash) {
                return imported.contains(fileHash);
            }
        };
        CrawlRun run = crawler.run(def, k);
        boolean firstRun = health.isFirstRun(source.id);

        Map<String, PostStore.Outcome> outcomes = new HashMap<>();
        List<CrawlError> errors = new ArrayList<>(run.errors());
        List<Long> latencies = new ArrayList<>();
        int fresh = 0;
        int updated = 0;
        int unchanged = 0;
        for (CrawledPost p : run.posts()) {
            try {
                Instant published = instant(p.publishedAt());
                PostStore.Stored s = store.store(new PostStore.Incoming(source, p.url(),
                        p.title(), p.body(), p.author(), published, p.platform(), p.engagement()));
                outcomes.put(p.url(), s.outcome());
                switch (s.outcome()) {
                    case NEW -> {
                        fresh++;
                        if (!firstRun && p.publishedAt() instanceof LocalDateTime && published != null) {
                            long sec = Duration.between(published, p.fetchedAt()).toSeconds();
                            if (sec >= 0) {
                                latencies.add(sec);
                            }
                        }
                    }
                    case UPDATED -> updated++;
                    default -> unchanged++;
                }
            } catch (RuntimeException e) {
                Log.warnf(e, "无法保存 %s", p.url());
                errors.add(new CrawlError(p.url(), "STORE_ERROR", "保存失败：" + e.getMessage()));
            }
        }
        int deleted = 0;
        for (String url : run.gone()) {
            if (store.markDeleted(url)) {
                deleted++;
            }
        }
        recorder.validators(source.id, run.posts(), run.finishedAt());

        List<RunSummary.ImportSummary> importSummaries = new ArrayList<>();
        for (int i = 0; i < run.imports().size(); i++) {
            ImportReport rep = run.imports().get(i);
            int newRows = 0;
            for (ParsedItem it : rep.taken()) {
                if (outcomes.get(UrlCanonicalizer.canonicalize(it.url())) == PostStore.Outcome.NEW) {
                    newRows++;
                }
            }
            recorder.imported(source.id, run.importedFileHashes().get(i), rep, newRows, run.finishedAt());
            importSummaries.add(new RunSummary.ImportSummary(rep.file(), rep.taken().size(), rep.rejected().size(), newRows,
                    rep.rejected().stream().limit(MAX_REJECTED_SHOWN)
                            .map(r -> new RunSummary.RejectedRow(r.row(), r.reason())).toList()));
        }

        CrawlRun recorded = errors.size() == run.errors().size() ? run : new CrawlRun(run.sourceId(), run.startedAt(),
                run.finishedAt(), run.itemsSeen(), run.posts(), run.notModified(), run.gone(), errors, run.imports(),
                run.importedFileHashes());
        SourceHealth h = health.record(source.id, recorded, fresh, updated,
                latencies.stream().mapToLong(Long::longValue).toArray());
        boolean failing = h.consecutiveFailures >= config.failingAfter();

        metrics.run(def.id(), recorded.failed());
        metrics.items(def.id(), "new", fresh);
        metrics.items(def.id(), "updated", updated);
        metrics.items(def.id(), "unchanged", unchanged);
        metrics.items(def.id(), "not_modified", run.notModified().size());
        metrics.items(def.id(), "deleted", deleted);
        metrics.items(def.id(), "error", errors.size());
        recorded.errorsByKind().forEach((kind, n) -> metrics.errors(def.id(), kind, n));
        metrics.health(def.id(), h.consecutiveFailures, failing);

        return new RunSummary(def.id(), run.startedAt(), run.finishedAt(), run.duration().toMillis(), run.itemsSeen(), fresh,
                updated, unchanged, run.notModified().size(), deleted, recorded.failed(), h.consecutiveFailures, failing,
                recorded.errorsByKind(), errors.stream().limit(MAX_ERRORS_SHOWN)
                        .map(e -> new RunSummary.RunError(e.url(), e.kind(), e.message())).toList(),
                importSummaries);
    }

    /** A page's local time (no offset) read in the configured zone; a date alone is its midnight. */
    Instant instant(Temporal t) {
        if (t instanceof LocalDateTime ldt) {
            return ldt.atZone(config.zone()).toInstant();
        }
        if (t instanceof LocalDate d) {
            return d.atStartOfDay(config.zone()).toInstant();
        }
        return null;
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
