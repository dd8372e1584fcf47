package cn.tingfeng.incident.triage;

import cn.tingfeng.incident.Incident;
import cn.tingfeng.incident.IncidentCreated;
import cn.tingfeng.incident.IncidentRepository;
import cn.tingfeng.incident.group.GroupPost;
import cn.tingfeng.incident.group.GroupingDecision;
import cn.tingfeng.incident.group.PostFeatures;
import cn.tingfeng.notify.alert.AlertDispatcher;
import cn.tingfeng.post.Post;
import cn.tingfeng.post.PostCollected;
import cn.tingfeng.post.PostRepository;
import cn.tingfeng.post.dedup.DedupService;
import cn.tingfeng.watch.PlanMatch;
import cn.tingfeng.watch.match.MatchService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * The monitoring pipeline, run for each collected post after it is stored (its own transaction, so a failure here
 * never loses the post): match against all plans, de-duplicate, then group: a repost joins its original's incident,
 * a matched post joins the best open incident or starts a new one; posts matching no plan are kept, not grouped.
 * The incident's assessment is recomputed and alerts raised; deliveries go out after the commit.
 */
@ApplicationScoped
public class IncidentPipeline {
    private static final Logger LOG = Logger.getLogger(IncidentPipeline.class);

    @Inject
    PostRepository posts;
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
    Clock clock;

    private final ReentrantLock lock = new ReentrantLock(true);

    void onCollected(@Observes(during = TransactionPhase.AFTER_SUCCESS) PostCollected event) {
        boolean alerted;
        lock.lock();
        try {
            alerted = QuarkusTransaction.requiringNew().call(() -> process(event.postId()));
        } catch (RuntimeException e) {
            LOG.errorf(e, "monitoring pipeline failed for post %d (the post is stored)", event.postId());
            grouping.reset();  // in-memory state may be ahead of the rolled-back database
            dedup.reset();
            return;
        } finally {
            lock.unlock();
        }
        if (alerted) {
            try {
                dispatcher.dispatchDue();
            } catch (RuntimeException e) {
                LOG.warnf(e, "alert dispatch failed; the scheduled job retries");
            }
        }
    }

    /** Processes one post; true when an alert was raised. Runs in the caller's transaction, under the lock. */
    boolean process(Long postId) {
        Post p = posts.findById(postId);
        if (p == null || Post.DELETED.equals(p.status)) {
            return false;
        }
        List<PlanMatch> matches = matching.matchAndStore(p);
        DedupService.Result dup = dedup.check(p);
        Optional<Long> already = incidentPosts.incidentOf(p.id);
        if (already.isPresent()) {  // an updated post: its incident is reassessed
            return reassess(incidents.findById(already.get()), false);
        }
        Instant published = p.publishedAt != null ? p.publishedAt : p.fetchedAt;
        if (dup.isDuplicate()) {
            Optional<Long> original = incidentPosts.incidentOf(dup.duplicateOf());
            if (original.isPresent()) {  // a repost counts for its original's incident
                incidentPosts.link(original.get(), p.id);
                grouping.joined(original.get(), features(p), published);
                return reassess(incidents.findById(original.get()), false);
            }
        }
        if (matches.isEmpty()) {
            return false;
        }
        PostFeatures f = features(p);
        GroupingDecision decision = grouping.decide(f, published);
        if (decision instanceof GroupingDecision.Join join) {
            Long id = Long.valueOf(join.incidentId());
            incidentPosts.link(id, p.id);
            grouping.joined(id, f, published);
            return reassess(incidents.findById(id), false);
        }
        Incident i = newIncident(title(p), published, "system");
        incidentPosts.link(i.id, p.id);
        grouping.started(i.id, f, published);
        boolean alerted = reassess(i, true);
        created.fire(new IncidentCreated(i.id));
        return alerted;
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
        triages.of(i.id);
        return i;
    }

    boolean reassess(Incident i, boolean isNew) {
        IncidentTriage t = triages.of(i.id);
        AssessmentService.Change change = assessment.assess(i, t);
        if (i.firstSeenAt == null || i.startedAt.isBefore(i.firstSeenAt)) {
            i.firstSeenAt = i.startedAt;
        }
        if (!GroupingIndex.isOpen(i.status)) {
            return false;
        }
        return alerts.raise(i, t, change, isNew);
    }

    PostFeatures features(Post p) {
        return grouping.grouper().features(new GroupPost(String.valueOf(p.id), p.title, p.body, p.publishedAt, null));
    }

    static String title(Post p) {
        String t = p.title != null && !p.title.isBlank() ? p.title.strip()
                : p.body == null ? "（无标题）" : p.body.strip();
        return t.length() <= 200 ? t : t.substring(0, 200) + "…";
    }

    /** For merge/split: the lock that keeps the pipeline's in-memory state consistent. */
    public ReentrantLock lock() {
        return lock;
    }
}
