package cn.tingfeng.incident.triage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The posts of incidents, read as rows (never the whole collection of the entity) and linked by the join table. */
@ApplicationScoped
public class IncidentPosts {
    /** One post of an incident; {@code source}: the source key, or the host when the post came without a source. */
    public record Row(Long postId, String title, String body, String url, Instant publishedAt, String source,
            String platform, Long duplicateOf, String duplicateKind) {
    }

    @Inject
    EntityManager em;

    public List<Row> of(Long incidentId) {
        return em.createQuery("select p.id, p.title, p.body, p.url, coalesce(p.publishedAt, p.fetchedAt),"
                + " coalesce(s.key, p.canonicalUrl), p.platform, f.duplicateOf, f.duplicateKind"
                + " from Incident i join i.posts p left join p.source s"
                + " left join PostFingerprint f on f.postId = p.id where i.id = ?1"
                + " order by coalesce(p.publishedAt, p.fetchedAt), p.id", Object[].class)
                .setParameter(1, incidentId).getResultList().stream()
                .map(o -> withHost(new Row((Long) o[0], (String) o[1], (String) o[2], (String) o[3], (Instant) o[4],
                        (String) o[5], (String) o[6], (Long) o[7], (String) o[8])))
                .toList();
    }

    /** What spread and heat need of every post of an incident: no text. */
    public record Light(Instant publishedAt, String source, String platform, Long duplicateOf) {
    }

    public List<Light> light(Long incidentId) {
        return em.createQuery("select coalesce(p.publishedAt, p.fetchedAt), coalesce(s.key, p.canonicalUrl), p.platform,"
                + " f.duplicateOf from Incident i join i.posts p left join p.source s"
                + " left join PostFingerprint f on f.postId = p.id where i.id = ?1", Object[].class)
                .setParameter(1, incidentId).getResultList().stream()
                .map(o -> new Light((Instant) o[0], host((String) o[1]), (String) o[2], (Long) o[3])).toList();
    }

    /** The {@code n} most recent posts of an incident with their text (most recent first). */
    public List<Row> recent(Long incidentId, int n) {
        return em.createQuery("select p.id, p.title, p.body, p.url, coalesce(p.publishedAt, p.fetchedAt),"
                + " coalesce(s.key, p.canonicalUrl), p.platform"
                + " from Incident i join i.posts p left join p.source s where i.id = ?1"
                + " order by coalesce(p.publishedAt, p.fetchedAt) desc, p.id desc", Object[].class)
                .setParameter(1, incidentId).setMaxResults(n).getResultList().stream()
                .map(o -> new Row((Long) o[0], (String) o[1], (String) o[2], (String) o[3], (Instant) o[4],
                        host((String) o[5]), (String) o[6], null, null))
                .toList();
    }

    public List<Long> postIds(Long incidentId) {
        return em.createQuery("select p.id from Incident i join i.posts p where i.id = ?1 order by p.id", Long.class)
                .setParameter(1, incidentId).getResultList();
    }

    /** The open (not merged) incident a post belongs to. */
    public Optional<Long> incidentOf(Long postId) {
        return em.createQuery("select i.id from Incident i join i.posts p where p.id = ?1 and i.status <> 'merged'"
                + " order by i.id", Long.class).setParameter(1, postId).setMaxResults(1).getResultStream().findFirst();
    }

    /** For each of these posts that belongs to an open (not merged) incident: that incident. */
    public java.util.Map<Long, Long> incidentsOf(java.util.Collection<Long> postIds) {
        java.util.Map<Long, Long> out = new java.util.HashMap<>();
        if (postIds.isEmpty()) {
            return out;
        }
        for (Object[] r : em.createQuery("select p.id, min(i.id) from Incident i join i.posts p where p.id in ?1"
                + " and i.status <> 'merged' group by p.id", Object[].class).setParameter(1, postIds).getResultList()) {
            out.put((Long) r[0], (Long) r[1]);
        }
        return out;
    }

    /** Links many posts in one JDBC batch ({@code [incidentId, postId]} pairs); no flush of the persistence context. */
    public void linkAll(List<long[]> pairs) {
        if (pairs.isEmpty()) {
            return;
        }
        em.unwrap(org.hibernate.Session.class).doWork(c -> {
            try (java.sql.PreparedStatement ps = c.prepareStatement("insert into incident_post (incident_id, post_id) values (?, ?)")) {
                for (long[] p : pairs) {
                    ps.setLong(1, p[0]);
                    ps.setLong(2, p[1]);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
    }

    public void move(Long from, Long to, Long postId) {
        em.createNativeQuery("update incident_post set incident_id = ?1 where incident_id = ?2 and post_id = ?3")
                .setParameter(1, to).setParameter(2, from).setParameter(3, postId).executeUpdate();
    }

    private static Row withHost(Row r) {
        return new Row(r.postId(), r.title(), r.body(), r.url(), r.publishedAt(), host(r.source()), r.platform(),
                r.duplicateOf(), r.duplicateKind());
    }

    private static String host(String s) {
        if (s != null && s.startsWith("http")) {
            try {
                s = java.net.URI.create(s).getHost();
            } catch (IllegalArgumentException e) {
                // keep the URL
            }
        }
        return s;
    }
}
