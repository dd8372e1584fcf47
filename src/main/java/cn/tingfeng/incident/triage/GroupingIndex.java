package cn.tingfeng.incident.triage;

import cn.tingfeng.incident.Incident;
import cn.tingfeng.incident.group.GroupPost;
import cn.tingfeng.incident.group.GroupingConfig;
import cn.tingfeng.incident.group.GroupingDecision;
import cn.tingfeng.incident.group.IncidentGrouper;
import cn.tingfeng.incident.group.IncidentSignature;
import cn.tingfeng.incident.group.PlaceDirectory;
import cn.tingfeng.incident.group.PostFeatures;
import cn.tingfeng.post.Post;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The grouping state of the open incidents of the window: each one's signature (stored as JSON with the incident, so a
 * node never re-analyses posts to know it) and an inverted index from its strongest words and bigrams to the
 * incident, so a post is scored only against the incidents it shares a telling term with: the cost per post does not
 * grow with the archive.
 *
 * <p>Cluster-safe: decisions are taken only while holding the {@code pipeline_state} row lock ({@link #sync}); rows
 * written under it carry the new generation; a node whose memory is behind (another node wrote since) reads exactly the
 * incidents touched since its last generation. Callers hold {@link PipelineLock} and a transaction.
 */
@ApplicationScoped
public class GroupingIndex {
    /** Posts re-read per incident when a signature has to be rebuilt from its posts (merge, split, old rows). */
    static final int REBUILD_POSTS = 40;
    /** Terms of a signature that index it; terms of a post that look candidates up. */
    static final int INDEX_WORDS = 24;
    static final int INDEX_BIGRAMS = 12;
    /** Candidate incidents scored per post: those sharing the most index terms with it. */
    static final int CANDIDATES = 24;

    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    PlaceDirectory placeDirectory;

    private final GroupingConfig config = GroupingConfig.defaults();
    private volatile IncidentGrouper grouper;
    private final Map<Long, IncidentSignature> open = new HashMap<>();
    private final Map<String, Set<Long>> byTerm = new HashMap<>();
    private final Map<Long, List<String>> termsOf = new HashMap<>();
    /** The generation this node's memory reflects; -1: not loaded (or rolled back), load everything. */
    private long generation = -1;
    /** The generation being written by the current holder of the lock. */
    private long writing = -1;
    private final Set<Long> dirty = new HashSet<>();

    public IncidentGrouper grouper() {
        if (grouper == null) {
            grouper = new IncidentGrouper(config, placeDirectory.places());
        }
        return grouper;
    }

    public PostFeatures features(Long postId, String title, String body, Instant publishedAt) {
        return grouper().features(new GroupPost(String.valueOf(postId), title, body, publishedAt, null));
    }

    /**
     * Under the cluster-wide lock ({@link PipelineLock}): catches up with what other nodes decided up to generation
     * {@code current}; this transaction writes {@code writing}.
     */
    public void sync(long current, long writing) {
        dirty.clear();
        if (generation < 0) {
            loadAll();
        } else if (current != generation) {
            catchUp(generation);
        }
        generation = current;
        this.writing = writing;
    }

    /** After the holder's commit: memory now reflects the written generation. */
    public void committed() {
        if (writing >= 0) {
            generation = writing;
        }
        writing = -1;
        dirty.clear();
    }

    /** After a rollback: memory may be ahead of the database; reload at the next acquire. */
    public void invalidate() {
        generation = -1;
        writing = -1;
        open.clear();
        byTerm.clear();
        termsOf.clear();
        dirty.clear();
    }

    /**
     * Scores the post against the incidents that share the most of its strongest terms (at most {@link #CANDIDATES}),
     * never against every open incident: the cost per post does not grow with the number of open incidents.
     */
    public GroupingDecision decide(PostFeatures f, Instant publishedAt) {
        Map<Long, Integer> shared = new HashMap<>();
        for (String t : keys(f.words(), f.bigrams())) {
            Set<Long> s = byTerm.get(t);
            if (s != null) {
                for (Long id : s) {
                    shared.merge(id, 1, Integer::sum);
                }
            }
        }
        List<IncidentSignature> candidates = new ArrayList<>(Math.min(CANDIDATES, shared.size()));
        shared.entrySet().stream()
                .sorted(Map.Entry.<Long, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(CANDIDATES).forEach(e -> {
                    IncidentSignature s = open.get(e.getKey());
                    if (s != null) {
                        candidates.add(s);
                    }
                });
        return grouper().decide(f, publishedAt, candidates);
    }

    public void started(Long incidentId, PostFeatures f, Instant publishedAt) {
        put(incidentId, IncidentSignature.start(String.valueOf(incidentId), f, publishedAt));
    }

    public void joined(Long incidentId, PostFeatures f, Instant publishedAt) {
        IncidentSignature s = open.get(incidentId);
        if (s == null) {
            s = stored(incidentId);
        }
        if (s == null) {
            put(incidentId, IncidentSignature.start(String.valueOf(incidentId), f, publishedAt));
            return;
        }
        IncidentSignature next = s.absorb(f, publishedAt);
        if (next.postCount() <= 8 || next.postCount() % 4 == 0 || !termsOf.containsKey(incidentId)) {
            put(incidentId, next);  // the strongest terms settle as an incident grows: re-indexed now and then
        } else {
            open.put(incidentId, next);
            dirty.add(incidentId);
        }
    }

    /** An incident that may no longer be joined (closed, dismissed, merged). */
    public void drop(Long incidentId) {
        remove(incidentId);
        dirty.add(incidentId);
    }

    /** Recomputes an incident's signature from its posts (after a merge or split); drops it when closed. */
    public void refresh(Incident incident) {
        if (!isOpen(incident.status)) {
            drop(incident.id);
            return;
        }
        IncidentSignature s = rebuild(incident.id);
        if (s == null) {
            drop(incident.id);
        } else {
            put(incident.id, s);
        }
    }

    /** Writes the signatures changed in this transaction, with the generation being written. */
    public void flush() {
        if (dirty.isEmpty()) {
            return;
        }
        List<Long> ids = new ArrayList<>(dirty);
        dirty.clear();
        long gen = writing;
        em.unwrap(org.hibernate.Session.class).doWork(c -> {
            try (java.sql.PreparedStatement ps = c.prepareStatement(
                    "update incident_triage set signature = ?, touched_generation = ? where incident_id = ?")) {
                for (Long id : ids) {
                    IncidentSignature s = open.get(id);
                    if (s == null) {
                        ps.setNull(1, java.sql.Types.VARCHAR);
                    } else {
                        ps.setString(1, SignatureCodec.encode(s));
                    }
                    ps.setLong(2, gen);
                    ps.setLong(3, id);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
    }

    private void put(Long id, IncidentSignature s) {
        remove(id);
        open.put(id, s);
        List<String> keys = keys(s.words(), s.bigrams());
        termsOf.put(id, keys);
        for (String k : keys) {
            byTerm.computeIfAbsent(k, x -> new HashSet<>()).add(id);
        }
        dirty.add(id);
    }

    private void remove(Long id) {
        open.remove(id);
        List<String> keys = termsOf.remove(id);
        if (keys != null) {
            for (String k : keys) {
                Set<Long> s = byTerm.get(k);
                if (s != null && s.remove(id) && s.isEmpty()) {
                    byTerm.remove(k);
                }
            }
        }
    }

    static List<String> keys(Map<String, Double> words, Map<String, Double> bigrams) {
        List<String> out = new ArrayList<>(INDEX_WORDS + INDEX_BIGRAMS);
        top(words, INDEX_WORDS, "w:", out);
        top(bigrams, INDEX_BIGRAMS, "b:", out);
        return out;
    }

    private static void top(Map<String, Double> m, int k, String prefix, List<String> out) {
        m.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(k)
                .forEach(e -> out.add(prefix + e.getKey()));
    }

    private void loadAll() {
        invalidate();
        Instant since = clock.instant().minus(config.window());
        List<Object[]> rows = rows("t.last_post_at >= ?1 and i.status in ('new', 'confirmed', 'assigned')", since);
        for (Object[] r : rows) {
            load(((Number) r[0]).longValue(), (String) r[1], (String) r[2]);
        }
    }

    private void catchUp(long since) {
        for (Object[] r : rows("t.touched_generation > ?1", since)) {
            long id = ((Number) r[0]).longValue();
            remove(id);
            load(id, (String) r[1], (String) r[2]);
        }
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String where, Object param) {
        return em.createNativeQuery("select t.incident_id, t.signature, i.status from incident_triage t"
                + " join incident i on i.id = t.incident_id where " + where).setParameter(1, param).getResultList();
    }

    private void load(long id, String json, String status) {
        if (!isOpen(status)) {
            return;
        }
        IncidentSignature s = json == null ? rebuild(id) : SignatureCodec.decode(String.valueOf(id), json);
        if (s != null) {
            put(id, s);
            if (json != null) {
                dirty.remove(id);
            }
        }
    }

    private IncidentSignature stored(Long id) {
        List<?> r = em.createNativeQuery("select signature from incident_triage where incident_id = ?1").setParameter(1, id)
                .getResultList();
        return r.isEmpty() || r.get(0) == null ? rebuild(id) : SignatureCodec.decode(String.valueOf(id), (String) r.get(0));
    }

    private IncidentSignature rebuild(Long incidentId) {
        List<Post> posts = em.createQuery("select p from Incident i join i.posts p where i.id = ?1"
                + " order by coalesce(p.publishedAt, p.fetchedAt) desc", Post.class)
                .setParameter(1, incidentId).setMaxResults(REBUILD_POSTS).getResultList();
        IncidentSignature s = null;
        for (int k = posts.size() - 1; k >= 0; k--) {
            Post p = posts.get(k);
            PostFeatures f = features(p.id, p.title, p.body, published(p));
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
}
