package cn.tingfeng.incident.triage;

import cn.tingfeng.incident.Incident;
import cn.tingfeng.incident.assess.Heat;
import cn.tingfeng.shared.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/** Read models of the triage endpoints (records, never entities). */
@ApplicationScoped
public class IncidentViews {
    public record IncidentRow(Long id, String title, String status, String grade, String category, String sentiment,
            Instant startedAt, Instant firstSeenAt, int posts, int reposts, int sources, int platforms, boolean rising,
            Instant updatedAt) {
    }

    public record Page(int page, int size, long total, List<IncidentRow> items) {
    }

    public record PostRow(Long postId, String title, String url, String source, String platform, Instant publishedAt,
            boolean repost, Long duplicateOf, String duplicateKind) {
    }

    public record HeatView(Long incidentId, Instant firstSeen, int posts, int distinctSources, int distinctPlatforms,
            boolean rising, double recentRate, double baselineRate, List<Heat.HourBucket> timeline) {
    }

    public record OperationView(String kind, String relatedIds, String postIds, String detail, String reason,
            String actor, Instant at) {
    }

    public record AssessmentView(Long incidentId, String status, String statusReason, Long mergedInto, String summary,
            String sentiment, Double sentimentScore, String category, String grade, String gradeReason,
            boolean gradeLocked, boolean rising, List<OperationView> operations) {
    }

    @Inject
    EntityManager em;
    @Inject
    IncidentPosts incidentPosts;
    @Inject
    AssessmentService assessment;

    @Transactional
    public Page list(String status, String grade, Boolean rising, int page, int size) {
        StringBuilder where = new StringBuilder(" from Incident i, IncidentTriage t where t.incidentId = i.id");
        List<Object> params = new ArrayList<>();
        if (status != null && !status.isBlank()) {
            params.add(status);
            where.append(" and i.status = ?").append(params.size());
        } else {
            where.append(" and i.status <> 'merged'");
        }
        if (grade != null && !grade.isBlank()) {
            params.add(cn.tingfeng.shared.Grade.valueOf(grade));
            where.append(" and i.grade = ?").append(params.size());
        }
        if (rising != null) {
            params.add(rising);
            where.append(" and t.rising = ?").append(params.size());
        }
        var count = em.createQuery("select count(i)" + where, Long.class);
        var rows = em.createQuery("select i, t" + where + " order by i.updatedAt desc, i.id desc", Object[].class);
        for (int k = 0; k < params.size(); k++) {
            count.setParameter(k + 1, params.get(k));
            rows.setParameter(k + 1, params.get(k));
        }
        List<IncidentRow> items = rows.setFirstResult(page * size).setMaxResults(size).getResultList().stream()
                .map(o -> row((Incident) o[0], (IncidentTriage) o[1])).toList();
        return new Page(page, size, count.getSingleResult(), items);
    }

    @Transactional
    public List<PostRow> posts(Long id) {
        find(id);
        return incidentPosts.of(id).stream().map(r -> new PostRow(r.postId(), r.title(), r.url(), r.source(), r.platform(),
                r.publishedAt(), r.duplicateOf() != null, r.duplicateOf(), r.duplicateKind())).toList();
    }

    @Transactional
    public HeatView heat(Long id) {
        find(id);
        List<IncidentPosts.Row> posts = incidentPosts.of(id);
        List<Instant> times = posts.stream().map(IncidentPosts.Row::publishedAt).toList();
        Heat heat = assessment.heat(times);
        return new HeatView(id, times.stream().min(Instant::compareTo).orElse(null), posts.size(),
                (int) posts.stream().map(IncidentPosts.Row::source).filter(s -> s != null).distinct().count(),
                new HashSet<>(posts.stream().map(IncidentPosts.Row::platform).toList()).size(), heat.rising(),
                heat.recentRate(), heat.baselineRate(), heat.timeline());
    }

    @Transactional
    public AssessmentView assessment(Long id) {
        Incident i = find(id);
        IncidentTriage t = em.find(IncidentTriage.class, id);
        List<OperationView> ops = em.createQuery("from OperationRecord where incidentId = ?1 or relatedIds = ?2 order by id",
                OperationRecord.class).setParameter(1, id).setParameter(2, String.valueOf(id)).getResultList().stream()
                .map(o -> new OperationView(o.kind, o.relatedIds, o.postIds, o.detail, o.reason, o.actor, o.at)).toList();
        return new AssessmentView(id, i.status, t == null ? null : t.statusReason, t == null ? null : t.mergedInto,
                i.summary, t == null ? null : t.sentiment, t == null ? null : t.sentimentScore, i.category,
                i.grade == null ? null : i.grade.name(), t == null ? null : t.gradeReason, t != null && t.gradeLocked,
                t != null && t.rising, ops);
    }

    private Incident find(Long id) {
        Incident i = em.find(Incident.class, id);
        if (i == null) {
            throw ApiException.notFound("事件");
        }
        return i;
    }

    private static IncidentRow row(Incident i, IncidentTriage t) {
        return new IncidentRow(i.id, i.title, i.status, i.grade == null ? null : i.grade.name(), i.category, t.sentiment,
                i.startedAt, i.firstSeenAt, t.postCount, t.repostCount, t.sourceCount, t.platformCount, t.rising,
                i.updatedAt);
    }
}
