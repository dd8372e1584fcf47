package cn.tingfeng.incident.triage;

import cn.tingfeng.audit.AuditLog;
import cn.tingfeng.incident.Incident;
import cn.tingfeng.incident.IncidentCreated;
import cn.tingfeng.incident.IncidentRepository;
import cn.tingfeng.incident.grade.CasualtyAssessment;
import cn.tingfeng.incident.group.GroupingDecision;
import cn.tingfeng.incident.group.PostFeatures;
import cn.tingfeng.notify.alert.AlertDispatcher;
import cn.tingfeng.post.Post;
import cn.tingfeng.post.dedup.DedupService;
import cn.tingfeng.post.dedup.MinHash;
import cn.tingfeng.post.queue.PipelineConfig;
import cn.tingfeng.post.queue.PostQueue;
import cn.tingfeng.watch.PlanMatch;
import cn.tingfeng.watch.match.MatchService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import org.jboss.logging.Logger;

/**
 * The monitoring pipeline over the durable queue: a batch of queued posts is claimed, matched against all plans,
 * de-duplicated and grouped (a repost joins its original's incident, a matched post joins the best candidate incident or
 * starts one; posts matching no plan are kept, not grouped), each touched incident reassessed once, alerts raised, and
 * the queue rows deleted, all in one transaction. The per-post stages (matching, MinHash, features, casualty figures)
 * run on all cores before the cluster-wide lock is taken; only the decisions run under it. A batch that fails is
 * retried post by post, so one bad post is retried with backoff and finally parked, never lost and never blocking the
 * others.
 */
@ApplicationScoped
public class IncidentPipeline {
    private static final Logger LOG = Logger.getLogger(IncidentPipeline.class);

    /** The outcome of one batch. */
    public record BatchResult(int claimed, int processed, int incidentsCreated, boolean alerted) {
        static final BatchResult EMPTY = new BatchResult(0, 0, 0, false);
    }

    /** What a post brings to the locked stage, computed off the lock. */
    record Pre(Post post, Instant published, List<PlanMatch> matches, MinHash minHash, PostFeatures features,
            Optional<CasualtyAssessment> casualty) {
    }

    @Inject
    EntityManager em;
    @Inject
    PostQueue queue;
    @Inject
    PipelineConfig config;
    @Inject
    IncidentRepository incidents;
    @Inject
    IncidentTriageRepository triages;
    @Inject
    IncidentPosts incidentPosts;
    @Inject
    MatchService matching;
    @Inject
    DedupService dedup;
    @Inject
    GroupingIndex grouping;
    @Inject
    AssessmentService assessment;
    @Inject
    IncidentAlerts alerts;
    @Inject
    AlertDispatcher dispatcher;
    @Inject
    Event<IncidentCreated> created;
    @Inject
    AuditLog audit;
    @Inject
    PipelineLock lock;
    @Inject
    PipelineMetrics metrics;
    @Inject
    Clock clock;

    private final ForkJoinPool pool = new ForkJoinPool(Math.max(1, Runtime.getRuntime().availableProcessors()));

    /** Processes due batches until none is left; returns the number of posts processed. */
    public int drain() {
        int total = 0;
        while (true) {
            BatchResult r = runBatch();
            if (r.claimed() == 0) {
                return total;
            }
            total += r.processed();
        }
    }

    /** Claims and processes one batch (falling back to one post per transaction when the batch fails). */
    public BatchResult runBatch() {
        List<List<PostQueue.Claimed>> claimed = new ArrayList<>(1);
        long start = System.nanoTime();
        BatchResult result;
        try {
            result = lock.exclusive(() -> {
                List<PostQueue.Claimed> c = queue.claim(config.batchSize());
                claimed.add(c);
                if (c.isEmpty()) {
                    return BatchResult.EMPTY;
                }
                BatchResult r = process(c);
                queue.done(c.stream().map(PostQueue.Claimed::id).toList());
                return r;
            });
        } catch (RuntimeException e) {
            if (claimed.isEmpty() || claimed.get(0).isEmpty()) {
                LOG.errorf(e, "monitoring pipeline could not claim work; the worker tries again");
                return BatchResult.EMPTY;
            }
            LOG.warnf("batch of %d posts failed (%s); processing them one by one", claimed.get(0).size(), e.toString());
            result = oneByOne(claimed.get(0));
        }
        if (result.processed() > 0) {
            metrics.processed(result.processed(), System.nanoTime() - start);
        }
        if (result.alerted()) {
            try {
                dispatcher.dispatchDue();
            } catch (RuntimeException e) {
                LOG.warnf(e, "alert dispatch failed; the scheduled job retries");
            }
        }
        return result;
    }

    private BatchResult oneByOne(List<PostQueue.Claimed> claimed) {
        int processed = 0;
        int createdCount = 0;
        boolean alerted = false;
        for (PostQueue.Claimed c : claimed) {
            try {
                BatchResult r = lock.exclusive(() -> {
                    if (!queue.claimOne(c.id())) {
                        return BatchResult.EMPTY;  // another node took it meanwhile
                    }
                    BatchResult one = process(List.of(c));
                    queue.done(List.of(c.id()));
                    return one;
                });
                processed += r.processed();
                createdCount += r.incidentsCreated();
                alerted |= r.alerted();
            } catch (RuntimeException e) {
                LOG.errorf(e, "monitoring pipeline failed for post %d (attempt %d; the post is stored and stays queued)",
                        c.postId(), c.attempts() + 1);
                String error = e.getClass().getSimpleName() + ": " + e.getMessage();
                boolean parked = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                        .call(() -> queue.failed(c.id(), c.attempts(), error));
                metrics.failed(parked);
            }
        }
        return new BatchResult(claimed.size(), processed, createdCount, alerted);
    }

    /** The batch's work, inside the caller's transaction; takes the cluster-wide lock for the decisions. */
    BatchResult process(List<PostQueue.Claimed> claimed) {
        Set<Long> ids = new LinkedHashSet<>();
        claimed.forEach(c -> ids.add(c.postId()));
        List<Post> posts = em.createQuery("select p from Post p left join fetch p.source where p.id in ?1 order by p.id",
                Post.class).setParameter(1, ids).getResultList().stream()
                .filter(p -> !Post.DELETED.equals(p.status)).toList();
        if (posts.isEmpty()) {
            return new BatchResult(claimed.size(), 0, 0, false);
        }
        grouping.grouper();  // built on this thread (it reads the places in this transaction), as is the matcher
        matching.refreshPlans();  // a plan saved on another node counts here too
        List<Pre> pre = prepare(posts);

        lock.enter();
        Map<Long, List<PlanMatch>> found = new LinkedHashMap<>();
        pre.forEach(x -> found.put(x.post().id, x.matches()));
        matching.store(found);

        DedupService.Batch dupes = dedup.prepare(posts);
        Map<Long, DedupService.Result> verdicts = new HashMap<>();
        for (Pre x : pre) {
            verdicts.put(x.post().id, dupes.check(x.post(), x.minHash()));
        }
        Set<Long> lookup = new LinkedHashSet<>(ids);
        verdicts.values().stream().filter(DedupService.Result::isDuplicate).forEach(r -> lookup.add(r.duplicateOf()));
        Map<Long, Long> incidentOf = incidentPosts.incidentsOf(lookup);

        Map<Long, List<Optional<CasualtyAssessment>>> touched = new TreeMap<>();
        List<long[]> links = new ArrayList<>();
        Map<Long, Integer> originals = new HashMap<>();  // per touched incident: posts of this batch that are no repost
        Map<Long, Incident> loaded = new HashMap<>();
        List<Incident> started = new ArrayList<>();
        for (Pre x : pre) {
            Post p = x.post();
            Long already = incidentOf.get(p.id);
            if (already != null) {  // an updated post: its incident is reassessed
                touched.computeIfAbsent(already, k -> new ArrayList<>()).add(x.casualty());
                originals.merge(already, 1, Integer::sum);
                continue;
            }
            DedupService.Result dup = verdicts.get(p.id);
            if (dup.isDuplicate()) {
                Long original = incidentOf.get(dup.duplicateOf());
                if (original != null && open(original, loaded) != null) {  // a repost counts for its original's incident
                    join(original, x, incidentOf, touched, links);
                    continue;
                }
            }
            if (x.matches().isEmpty()) {
                continue;
            }
            PostFeatures f = features(x);
            Long target = null;
            for (int attempt = 0; attempt < 3 && target == null; attempt++) {
                GroupingDecision decision = grouping.decide(f, x.published());
                if (!(decision instanceof GroupingDecision.Join j)) {
                    break;
                }
                Long id = Long.valueOf(j.incidentId());
                if (open(id, loaded) != null) {
                    target = id;
                } else {
                    grouping.drop(id);  // closed or merged meanwhile: no longer a candidate
                }
            }
            if (target != null) {
                join(target, x, incidentOf, touched, links);
                originals.merge(target, 1, Integer::sum);
            } else {
                Incident i = newIncident(title(p), x.published(), "system");
                loaded.put(i.id, i);
                links.add(new long[] {i.id, p.id});
                incidentOf.put(p.id, i.id);
                grouping.started(i.id, f, x.published());
                touched.computeIfAbsent(i.id, k -> new ArrayList<>()).add(x.casualty());
                started.add(i);
            }
        }
        em.flush();  // new incidents and their triage rows exist before the links point at them
        incidentPosts.linkAll(links);
        boolean alerted = false;
        Set<Long> isNew = new java.util.HashSet<>();
        started.forEach(i -> isNew.add(i.id));
        for (Map.Entry<Long, List<Optional<CasualtyAssessment>>> e : touched.entrySet()) {
            Incident i = loaded.computeIfAbsent(e.getKey(), incidents::findById);
            if (i == null) {
                continue;
            }
            alerted |= reassess(i, e.getValue(), isNew.contains(i.id), originals.getOrDefault(i.id, 0));
        }
        grouping.flush();
        for (Incident i : started) {
            created.fire(new IncidentCreated(i.id));
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("title", i.title);
            payload.put("grade", i.grade == null ? null : i.grade.name());
            payload.put("startedAt", i.startedAt == null ? null : i.startedAt.toString());
            payload.put("postIds", links.stream().filter(l -> l[0] == i.id).map(l -> l[1]).toList());
            payload.put("by", "monitoring pipeline");
            audit.append("system", "incident.created", "incident", i.id, payload);
        }
        return new BatchResult(claimed.size(), posts.size(), started.size(), alerted);
    }

    /** The per-post stages that need no shared state, on all cores. */
    private List<Pre> prepare(List<Post> posts) {
        try {
            return pool.submit(() -> posts.parallelStream().map(this::pre).toList()).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private Pre pre(Post p) {
        Instant published = p.publishedAt != null ? p.publishedAt : p.fetchedAt;
        String sourceKey = p.source == null ? null : p.source.key;
        List<PlanMatch> m = matching.match(p.title, p.body, sourceKey, p.platform);
        MinHash minHash = MinHash.of(DedupService.text(p));
        PostFeatures f = m.isEmpty() ? null : grouping.features(p.id, p.title, p.body, published);
        return new Pre(p, published, m, minHash, f, assessment.casualty(p.title, p.body));
    }

    private PostFeatures features(Pre x) {
        return x.features() != null ? x.features() : grouping.features(x.post().id, x.post().title, x.post().body, x.published());
    }

    private void join(Long incidentId, Pre x, Map<Long, Long> incidentOf, Map<Long, List<Optional<CasualtyAssessment>>> touched,
            List<long[]> links) {
        links.add(new long[] {incidentId, x.post().id});
        incidentOf.put(x.post().id, incidentId);
        grouping.joined(incidentId, features(x), x.published());
        touched.computeIfAbsent(incidentId, k -> new ArrayList<>()).add(x.casualty());
    }

    /** The incident when it may still take posts; null when closed, dismissed or merged. */
    private Incident open(Long id, Map<Long, Incident> loaded) {
        Incident i = loaded.computeIfAbsent(id, incidents::findById);
        return i != null && GroupingIndex.isOpen(i.status) ? i : null;
    }

    Incident newIncident(String title, Instant started, String by) {
        Instant now = clock.instant();
        Incident i = new Incident();
        i.title = title;
        i.status = Incident.NEW;
        i.startedAt = started;
        i.firstSeenAt = started;
        i.createdBy = by;
        i.createdAt = now;
        i.updatedAt = now;
        incidents.persist(i);
        triages.of(i.id).casualtyReason = "";  // nothing read yet: the posts that start it bring their figures
        return i;
    }

    /** Full reassessment (merge, split): every post read again. */
    boolean reassess(Incident i, boolean isNew) {
        return reassess(i, null, isNew, Integer.MAX_VALUE);
    }

    /** {@code originals}: posts of this batch that are not reposts; reposts alone do not make the texts be re-read. */
    private boolean reassess(Incident i, List<Optional<CasualtyAssessment>> fresh, boolean isNew, int originals) {
        IncidentTriage t = triages.of(i.id);
        int joined = fresh == null ? 0 : fresh.size();
        boolean readTexts = fresh == null || isNew || AssessmentService.textChanged(t.postCount, originals, t.postCount + joined);
        AssessmentService.Change change = assessment.assess(i, t, fresh, readTexts);
        if (i.firstSeenAt == null || i.startedAt.isBefore(i.firstSeenAt)) {
            i.firstSeenAt = i.startedAt;
        }
        if (!GroupingIndex.isOpen(i.status)) {
            return false;
        }
        return alerts.raise(i, t, change, isNew);
    }

    static String title(Post p) {
        String t = p.title != null && !p.title.isBlank() ? p.title.strip()
                : p.body == null ? "（无标题）" : p.body.strip();
        return t.length() <= 200 ? t : t.substring(0, 200) + "…";
    }
}
