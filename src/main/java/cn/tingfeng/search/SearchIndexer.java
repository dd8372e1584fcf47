package cn.tingfeng.search;

import cn.tingfeng.jurisdiction.CountyLevelUnit;
import cn.tingfeng.jurisdiction.classify.Classifiers;
import cn.tingfeng.jurisdiction.place.Gazetteer;
import cn.tingfeng.post.Post;
import cn.tingfeng.post.PostCollected;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Keeps {@code post_term} in step with {@code post}. Every new or changed post (a synchronous observer of
 * {@link PostCollected}, fired by {@code PostStore}) loses its {@code post_indexed} mark in the storing transaction;
 * the indexer job ({@link SearchBackfillJob}, every few seconds) then indexes the posts without a mark of the current
 * {@link #VERSION}, in id order, in batches — off the storing path. With {@code tingfeng.search.index-on-store} the
 * post is indexed in the storing transaction itself instead.
 */
@ApplicationScoped
public class SearchIndexer {
    private static final Logger LOG = Logger.getLogger(SearchIndexer.class);
    /** The segmentation version; raise it when the policy changes, and the backfill re-indexes the older posts. */
    public static final int VERSION = 1;
    public static final String COUNTY = "county:";
    /** Filter terms (weight 0, never produced by segmentation: the colon is punctuation): the post's platform and source id. */
    public static final String PLATFORM = "platform:";
    public static final String SOURCE = "source:";

    private record Terms(Gazetteer gazetteer, SearchTerms terms) {
    }

    @Inject
    EntityManager em;
    @Inject
    Classifiers classifiers;
    @Inject
    Clock clock;

    private volatile Terms cached;

    /** The segmentation with the loaded gazetteer's names as user dictionary, or null before the data is loaded. */
    public SearchTerms terms() {
        Terms t = current();
        return t == null ? null : t.terms();
    }

    private Terms current() {
        Gazetteer g;
        try {
            g = classifiers.classifier().gazetteer();
        } catch (IllegalStateException notLoaded) {
            return null;
        }
        Terms c = cached;
        if (c == null || c.gazetteer() != g) {
            c = new Terms(g, new SearchTerms(g.names()));
            cached = c;
        }
        return c;
    }

    /** The county-level unit names of the loaded jurisdictions, in file order (the county filter's choices). */
    public List<String> counties() {
        Terms t = current();
        if (t == null) return List.of();
        List<String> out = new java.util.ArrayList<>();
        t.gazetteer().jurisdictions().forEach(j -> j.territories().forEach(c -> out.add(c.name())));
        return out;
    }

    @Inject
    SearchConfig config;

    /**
     * Inside the storing transaction. With {@code index-on-store} the post is indexed here (a failure rolls the store
     * back). Otherwise its index mark is removed (one delete by key), so that the indexer job takes it — a new post has
     * none, a changed one is indexed again.
     */
    void onStored(@Observes PostCollected event) {
        if (config.indexOnStore()) {
            Post p = em.find(Post.class, event.postId());
            if (p != null) index(p);
        } else {
            em.createNativeQuery("delete from post_indexed where post_id = ?1").setParameter(1, event.postId()).executeUpdate();
        }
    }

    /** Indexes one post (replacing its earlier terms); false when the jurisdiction data is not loaded yet. */
    boolean index(Post p) {
        Terms st = current();
        if (st == null) {
            LOG.debugf("post %d left to the search backfill: jurisdiction data not loaded", p.id);
            return false;
        }
        Map<String, Integer> terms = termsOf(st, p.title, p.body);
        terms.putAll(facets(p.platform, p.source == null ? null : p.source.id));
        write(p.id, p.publishedAt, terms);
        return true;
    }

    /** The rows a post gets in post_term (term → weight), county terms included; null before the data is loaded. */
    public Map<String, Integer> termsOf(String title, String body) {
        Terms st = current();
        return st == null ? null : termsOf(st, title, body);
    }

    /** The filter terms of a post (weight 0): {@code platform:<code>} and {@code source:<id>}. */
    public static Map<String, Integer> facets(String platform, Long sourceId) {
        Map<String, Integer> out = new LinkedHashMap<>();
        if (platform != null && !platform.isBlank()) out.put(PLATFORM + platform, 0);
        if (sourceId != null) out.put(SOURCE + sourceId, 0);
        return out;
    }

    private static Map<String, Integer> termsOf(Terms st, String title, String body) {
        Map<String, Integer> terms = new LinkedHashMap<>(st.terms().index(title, body));
        String text = (title == null ? "" : title) + "\n" + (body == null ? "" : body.length() > SearchTerms.MAX_INDEXED_BODY
                ? body.substring(0, SearchTerms.MAX_INDEXED_BODY) : body);
        for (CountyLevelUnit c : st.gazetteer().analyze(text).territories()) terms.put(COUNTY + c.name(), 1);
        return terms;
    }

    private void write(long postId, java.time.Instant publishedAt, Map<String, Integer> terms) {
        java.time.OffsetDateTime published = publishedAt == null ? null : publishedAt.atOffset(java.time.ZoneOffset.UTC);
        java.sql.Timestamp now = Timestamp.from(clock.instant());
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement del = c.prepareStatement("delete from post_term where post_id = ?");
                 PreparedStatement delMark = c.prepareStatement("delete from post_indexed where post_id = ?");
                 PreparedStatement ins = c.prepareStatement("insert into post_term (term, post_id, weight, published_at) values (?, ?, ?, ?)");
                 PreparedStatement mark = c.prepareStatement("insert into post_indexed (post_id, version, terms, indexed_at) values (?, ?, ?, ?)")) {
                del.setLong(1, postId);
                del.executeUpdate();
                delMark.setLong(1, postId);
                delMark.executeUpdate();
                for (Map.Entry<String, Integer> e : terms.entrySet()) {
                    ins.setString(1, e.getKey());
                    ins.setLong(2, postId);
                    ins.setInt(3, Math.min(Short.MAX_VALUE, e.getValue()));
                    if (published == null) ins.setNull(4, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
                    else ins.setObject(4, published);
                    ins.addBatch();
                }
                if (!terms.isEmpty()) ins.executeBatch();
                mark.setLong(1, postId);
                mark.setInt(2, VERSION);
                mark.setInt(3, terms.size());
                mark.setTimestamp(4, now);
                mark.executeUpdate();
            }
        });
    }

    /** What one backfill batch did: posts indexed, the last post id seen (the next batch starts after it), whether more remain. */
    public record Batch(int indexed, long lastId, boolean more) {
    }

    /**
     * One batch of the backfill: up to {@code size} posts after {@code afterId} that have no index of the current
     * version, indexed in one transaction.
     */
    @Transactional
    public Batch backfill(long afterId, int size) {
        if (terms() == null) return new Batch(0, afterId, true);
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("select p.id from post p where p.id > ?1 and not exists (select 1 from post_indexed i"
                        + " where i.post_id = p.id and i.version = ?2) order by p.id")
                .setParameter(1, afterId).setParameter(2, VERSION).setMaxResults(size).getResultList();
        long last = afterId;
        int n = 0;
        for (Number id : ids) {
            Post p = em.find(Post.class, id.longValue());
            if (p != null && index(p)) n++;
            last = id.longValue();
        }
        em.flush();
        em.clear();
        return new Batch(n, last, ids.size() == size);
    }

    /** Posts without an index of the current version. */
    @Transactional
    public long pending() {
        return ((Number) em.createNativeQuery("select count(*) from post p where not exists (select 1 from post_indexed i"
                + " where i.post_id = p.id and i.version = ?1)").setParameter(1, VERSION).getSingleResult()).longValue();
    }
}
