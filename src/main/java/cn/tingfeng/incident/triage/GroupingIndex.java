package cn.tingfeng.incident.triage;

import cn.tingfeng.incident.Incident;
import cn.tingfeng.incident.group.GroupingConfig;
import cn.tingfeng.incident.group.GroupingDecision;
import cn.tingfeng.incident.group.IncidentGrouper;
import cn.tingfeng.incident.group.IncidentSignature;
import cn.tingfeng.incident.group.PlaceSet;
import cn.tingfeng.incident.group.PostFeatures;
import cn.tingfeng.jurisdiction.Territory;
import cn.tingfeng.post.Post;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The signatures of the open incidents of the grouping window, in memory; built from the database at first use
 * (the posts of each open incident re-read) and kept up to date as posts join, incidents merge or split.
 * Callers hold the pipeline's lock and a transaction.
 */
@ApplicationScoped
public class GroupingIndex {
    /** Posts re-read per incident when a signature is rebuilt. */
    static final int REBUILD_POSTS = 40;

    @Inject
    EntityManager em;
    @Inject
    Clock clock;

    private final GroupingConfig config = GroupingConfig.defaults();
    private volatile IncidentGrouper grouper;
    private Map<Long, IncidentSignature> open;

    public IncidentGrouper grouper() {
        if (grouper == null) {
            grouper = new IncidentGrouper(config, places());
        }
        return grouper;
    }

    public GroupingDecision decide(PostFeatures f, Instant publishedAt) {
        return grouper().decide(f, publishedAt, signatures().values());
    }

    public void started(Long incidentId, PostFeatures f, Instant publishedAt) {
        signatures().put(incidentId, IncidentSignature.start(String.valueOf(incidentId), f, publishedAt));
    }

    public void joined(Long incidentId, PostFeatures f, Instant publishedAt) {
        signatures().compute(incidentId, (id, s) -> s == null ? IncidentSignature.start(String.valueOf(id), f, publishedAt)
                : s.absorb(f, publishedAt));
    }

    /** Recomputes an incident's signature from its posts (after a merge or split); drops it when closed. */
    public void refresh(Incident incident) {
        if (open == null) {
            return;
        }
        if (!isOpen(incident.status)) {
            open.remove(incident.id);
            return;
        }
        IncidentSignature s = rebuild(incident.id);
        if (s == null) {
            open.remove(incident.id);
        } else {
            open.put(incident.id, s);
        }
    }

    public synchronized void reset() {
        open = null;
        grouper = null;
    }

    private synchronized Map<Long, IncidentSignature> signatures() {
        if (open == null) {
            Map<Long, IncidentSignature> m = new ConcurrentHashMap<>();
            Instant since = clock.instant().minus(config.window());
            List<Long> ids = em.createQuery("select t.incidentId from IncidentTriage t, Incident i where i.id = t.incidentId"
                    + " and i.status in ('new', 'confirmed', 'assigned') and t.lastPostAt >= ?1", Long.class)
                    .setParameter(1, since).getResultList();
            for (Long id : ids) {
                IncidentSignature s = rebuild(id);
                if (s != null) {
                    m.put(id, s);
                }
            }
            open = m;
        }
        return open;
    }

    private IncidentSignature rebuild(Long incidentId) {
        List<Post> posts = em.createQuery("select p from Incident i join i.posts p where i.id = ?1"
                + " order by coalesce(p.publishedAt, p.fetchedAt) desc", Post.class)
                .setParameter(1, incidentId).setMaxResults(REBUILD_POSTS).getResultList();
        IncidentSignature s = null;
        for (int k = posts.size() - 1; k >= 0; k--) {
            Post p = posts.get(k);
            PostFeatures f = grouper().features(new cn.tingfeng.incident.group.GroupPost(String.valueOf(p.id), p.title,
                    p.body, published(p), null));
            s = s == null ? IncidentSignature.start(String.valueOf(incidentId), f, published(p)) : s.absorb(f, published(p));
        }
        return s;
    }

    static boolean isOpen(String status) {
        return Incident.NEW.equals(status) || Incident.CONFIRMED.equals(status) || Incident.ASSIGNED.equals(status);
    }

    static Instant published(Post p) {
        return p.publishedAt != null ? p.publishedAt : p.fetchedAt;
    }

    /** The jurisdiction's places (name → parent name) with the short forms of county-level names. */
    private PlaceSet places() {
        Map<String, String> parent = new HashMap<>();
        for (Territory t : em.createQuery("select t from Territory t left join fetch t.parent", Territory.class)
                .getResultList()) {
            parent.putIfAbsent(t.name, t.parent == null ? null : t.parent.name);
        }
        return new PlaceSet(parent, PlaceSet.shortForms(parent.keySet()));
    }
}
