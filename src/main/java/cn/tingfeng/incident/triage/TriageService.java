package cn.tingfeng.incident.triage;

import cn.tingfeng.incident.Incident;
import cn.tingfeng.incident.IncidentCreated;
import cn.tingfeng.incident.IncidentRepository;
import cn.tingfeng.incident.group.IncidentOperation;
import cn.tingfeng.notify.Alert;
import cn.tingfeng.notify.alert.AlertDispatcher;
import cn.tingfeng.shared.ApiException;
import cn.tingfeng.shared.Grade;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The analyst's operations on incidents, each with a reason and recorded: merge, split, regrade, confirm, dismiss.
 * Each runs under the pipeline's lock ({@link PipelineLock}: grouping state stays the same on every node) in a
 * transaction of its own; alerts it
 * raises are delivered after the commit.
 */
@ApplicationScoped
public class TriageService {
    @Inject
    IncidentPipeline pipeline;
    @Inject
    cn.tingfeng.notify.alert.AlertQueue alertQueue;
    @Inject
    IncidentRepository incidents;
    @Inject
    IncidentTriageRepository triages;
    @Inject
    IncidentPosts incidentPosts;
    @Inject
    GroupingIndex grouping;
    @Inject
    PipelineLock lock;
    @Inject
    IncidentAlerts alerts;
    @Inject
    AlertDispatcher dispatcher;
    @Inject
    Event<IncidentCreated> created;
    @Inject
    Clock clock;

    /** Moves all posts of the sources into the target; the sources are closed as merged. */
    public Long merge(Long targetId, List<Long> sourceIds, String reason, String actor) {
        return locked(() -> {
            Incident target = open(targetId);
            Map<String, Set<String>> membership = new HashMap<>();
            membership.put(String.valueOf(targetId), ids(incidentPosts.postIds(targetId)));
            for (Long s : sourceIds) {
                open(s);
                membership.put(String.valueOf(s), ids(incidentPosts.postIds(s)));
            }
            Instant now = clock.instant();
            apply(() -> new IncidentOperation.Merge(String.valueOf(targetId),
                    sourceIds.stream().map(String::valueOf).toList(), actor, reason, now), membership, "sourceIds");
            Set<Long> targetPosts = new LinkedHashSet<>(incidentPosts.postIds(targetId));
            List<Long> moved = new java.util.ArrayList<>();
            for (Long s : new LinkedHashSet<>(sourceIds)) {
                for (Long post : incidentPosts.postIds(s)) {
                    if (targetPosts.add(post)) {
                        incidentPosts.move(s, targetId, post);
                        moved.add(post);
                    }
                }
                Incident source = incidents.findById(s);
                source.status = IncidentTriage.MERGED;
                source.updatedAt = now;
                triages.of(s).mergedInto = targetId;
                grouping.refresh(source);
            }
            record("merge", targetId, join(sourceIds), join(moved), null, reason, actor);
            boolean alerted = pipeline.reassess(target, false);
            grouping.refresh(target);
            return new Outcome(targetId, alerted);
        });
    }

    /** Moves the posts out of the incident into a new one; returns the new incident's id. */
    public Long split(Long sourceId, List<Long> postIds, String reason, String actor) {
        return locked(() -> {
            Incident source = open(sourceId);
            Map<String, Set<String>> membership = Map.of(String.valueOf(sourceId), ids(incidentPosts.postIds(sourceId)));
            apply(() -> new IncidentOperation.Split(String.valueOf(sourceId), ids(postIds), "new", actor, reason,
                    clock.instant()), membership, "postIds");
            List<IncidentPosts.Row> rows = incidentPosts.of(sourceId).stream()
                    .filter(r -> postIds.contains(r.postId())).toList();
            IncidentPosts.Row first = rows.get(0);
            String title = first.title() == null || first.title().isBlank() ? source.title : first.title().strip();
            Incident split = pipeline.newIncident(title.length() <= 200 ? title : title.substring(0, 200) + "…",
                    first.publishedAt(), actor);
            for (IncidentPosts.Row r : rows) {
                incidentPosts.move(sourceId, split.id, r.postId());
            }
            record("split", sourceId, String.valueOf(split.id), join(postIds), null, reason, actor);
            boolean alerted = pipeline.reassess(source, false);
            pipeline.reassess(split, false);
            grouping.refresh(source);
            grouping.refresh(split);
            created.fire(new IncidentCreated(split.id));
            return new Outcome(split.id, alerted);
        });
    }

    /** The analyst's grade, kept from now on; an upward regrade raises an alert. */
    public Long regrade(Long id, Grade grade, String reason, String actor) {
        return locked(() -> {
            Incident i = find(id);
            IncidentTriage t = triages.of(id);
            Grade before = i.grade;
            i.grade = grade;
            i.updatedAt = clock.instant();
            t.gradeLocked = true;
            t.gradeReason = "分析员 " + actor + " 定为 " + grade.name() + " 级（" + grade.label() + "）：" + reason;
            record("regrade", id, null, null, (before == null ? "-" : before.name()) + " → " + grade.name(), reason, actor);
            boolean up = before != null && grade.ordinal() < before.ordinal();
            return new Outcome(id, up && GroupingIndex.isOpen(i.status) && alerts.raise(Alert.Kind.REGRADE_UP, i, null));
        });
    }

    public Long confirm(Long id, String reason, String actor) {
        return status(id, Incident.CONFIRMED, reason == null || reason.isBlank() ? "确认" : reason, actor, "confirm");
    }

    public Long dismiss(Long id, String reason, String actor) {
        return status(id, Incident.DISMISSED, reason, actor, "dismiss");
    }

    private Long status(Long id, String status, String reason, String actor, String kind) {
        return locked(() -> {
            Incident i = find(id);
            if (!Incident.NEW.equals(i.status)) {
                throw ApiException.conflict("只有新发现的事件可以确认或排除（当前状态：" + STATUS_NAMES.getOrDefault(i.status, "其他") + "）");
            }
            i.status = status;
            i.updatedAt = clock.instant();
            triages.of(id).statusReason = reason;
            record(kind, id, null, null, Incident.NEW + " → " + status, reason, actor);
            alertQueue.ackForIncident(id, actor);
            grouping.refresh(i);
            return new Outcome(id, false);
        });
    }

    /** Incident statuses in Chinese, for refusals people read. */
    private static final Map<String, String> STATUS_NAMES = Map.of(Incident.NEW, "待核实", Incident.CONFIRMED, "已确认",
            Incident.DISMISSED, "已排除", Incident.ASSIGNED, "已交办", Incident.CLOSED, "已办结", IncidentTriage.MERGED, "已合并");

    private record Outcome(Long id, boolean alerted) {
    }

    private Long locked(Supplier<Outcome> work) {
        Outcome o = lock.exclusive(() -> {
            lock.enter();  // the cluster-wide grouping lock: merges and splits change what posts join
            Outcome result = work.get();
            grouping.flush();
            return result;
        });
        if (o.alerted()) {
            dispatcher.dispatchDue();
        }
        return o.id();
    }

    private Incident find(Long id) {
        return incidents.findByIdOptional(id).orElseThrow(() -> ApiException.notFound("事件"));
    }

    private Incident open(Long id) {
        Incident i = find(id);
        if (IncidentTriage.MERGED.equals(i.status)) {
            throw ApiException.conflict("事件 " + id + " 已合并到其他事件");
        }
        return i;
    }

    private static void apply(Supplier<IncidentOperation> op, Map<String, Set<String>> membership, String field) {
        try {
            op.get().apply(membership);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(field, e.getMessage());
        }
    }

    private void record(String kind, Long incidentId, String related, String posts, String detail, String reason,
            String actor) {
        OperationRecord r = new OperationRecord();
        r.kind = kind;
        r.incidentId = incidentId;
        r.relatedIds = related;
        r.postIds = posts;
        r.detail = detail;
        r.reason = reason;
        r.actor = actor;
        r.at = clock.instant();
        incidents.getEntityManager().persist(r);
    }

    private static Set<String> ids(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static String join(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
