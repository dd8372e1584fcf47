package cn.tingfeng.testsupport;

import cn.tingfeng.post.PostStore;
import cn.tingfeng.source.Source;
import cn.tingfeng.source.SourceRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Source rows for tests that feed posts through {@code PostStore} without a crawler, and where those posts went. */
@ApplicationScoped
public class TestSources {
    @Inject
    SourceRepository sources;
    @Inject
    jakarta.persistence.EntityManager em;
    @Inject
    PostStore store;

    @Transactional
    public Source create(String key) {
        Source s = new Source();
        s.key = key;
        s.name = key;
        s.type = "api";
        s.platform = "web";
        s.createdAt = Instant.now();
        sources.persist(s);
        return s;
    }

    /** The incident a stored post was grouped into. */
    @Transactional
    public long incidentOf(Long postId) {
        return ((Number) em.createNativeQuery("select incident_id from incident_post where post_id = ?1").setParameter(1, postId)
                .getSingleResult()).longValue();
    }

    /** The status of an incident as stored ({@code new}, {@code confirmed}, {@code dismissed} …). */
    @Transactional
    public String incidentStatus(long incident) {
        return (String) em.createNativeQuery("select status from incident where id = ?1").setParameter(1, incident).getSingleResult();
    }

    /**
     * An explosion story as the pipeline meets it: a new source, t-analyst's plan {@code "<tag> AND 爆炸"} on it (named
     * without the tag, so a page listing plans does not show it) and one web post by 网友 ({@code body} gets a unique 编号
     * appended, so it never joins another test's incident). Returns the incident the post was grouped into; with deaths
     * in the text it is graded and alerted.
     */
    public long explosionIncident(String tag, String title, String body, Instant publishedAt) {
        String key = "story-" + UUID.randomUUID();
        Source src = create(key);
        TestAccounts.as("t-analyst").body(Map.of("name", "测试方案-" + key, "rule", tag + " AND 爆炸", "sources", List.of(src.key)))
                .post("/api/plans").then().statusCode(201);
        Long post = store.store(new PostStore.Incoming(src, "https://news.example.cn/" + key + "/1.html", title, body + "编号" + key,
                "网友", publishedAt, "web", null)).postId();
        return incidentOf(post);
    }
}
