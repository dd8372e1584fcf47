package cn.tingfeng.watch.plan;

import cn.tingfeng.post.Post;
import cn.tingfeng.post.PostRepository;
import cn.tingfeng.watch.Evidence;
import cn.tingfeng.watch.Field;
import cn.tingfeng.watch.Highlighter;
import cn.tingfeng.watch.PlanMatch;
import cn.tingfeng.watch.PlanMatcher;
import cn.tingfeng.watch.PlanRule;
import cn.tingfeng.watch.Rule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What a rule would have matched among the last days' posts, with the matched words marked. */
@ApplicationScoped
public class PreviewService {
    static final int LISTED = 100;
    private static final int BATCH = 500;
    private static final int SNIPPET_BEFORE = 40;
    private static final int SNIPPET_AFTER = 120;

    /** Title and snippet are escaped HTML with the matched words in {@code <mark>}. */
    public record PreviewPost(Long postId, String url, Instant publishedAt, String title, String snippet, Set<String> terms) {
    }

    public record Preview(int days, int scanned, int matched, List<PreviewPost> posts) {
    }

    @Inject
    PostRepository posts;
    @Inject
    Clock clock;

    @Transactional
    public Preview preview(Rule rule, int days) {
        PlanMatcher matcher = PlanMatcher.compile(List.of(new PlanRule("preview", 0, rule)));
        Instant since = clock.instant().minus(Duration.ofDays(days));
        int scanned = 0;
        int matched = 0;
        List<PreviewPost> listed = new ArrayList<>();
        long after = 0;
        while (true) {
            List<Post> batch = posts.find("id > ?1 and coalesce(publishedAt, fetchedAt) >= ?2 order by id", after, since)
                    .page(0, BATCH).list();
            for (Post p : batch) {
                scanned++;
                List<PlanMatch> m = matcher.match(p.title, p.body);
                if (!m.isEmpty()) {
                    matched++;
                    if (listed.size() < LISTED) {
                        listed.add(view(p, m.get(0).evidence()));
                    }
                }
                after = p.id;
            }
            posts.getEntityManager().clear();
            if (batch.size() < BATCH) {
                break;
            }
        }
        listed.sort((a, b) -> b.publishedAt() == null || a.publishedAt() == null ? 0 : b.publishedAt().compareTo(a.publishedAt()));
        return new Preview(days, scanned, matched, listed);
    }

    static PreviewPost view(Post p, List<Evidence> evidence) {
        Set<String> terms = new LinkedHashSet<>();
        evidence.forEach(e -> terms.add(e.term()));
        return new PreviewPost(p.id, p.url, p.publishedAt == null ? p.fetchedAt : p.publishedAt,
                Highlighter.highlight(p.title, evidence, Field.TITLE), snippet(p.body, evidence), terms);
    }

    /** The text around the first matched word in the body (or its beginning), highlighted. */
    static String snippet(String body, List<Evidence> evidence) {
        String text = body == null ? "" : body;
        int first = evidence.stream().filter(e -> e.field() == Field.TEXT).mapToInt(Evidence::start).min().orElse(0);
        int from = Math.max(0, first - SNIPPET_BEFORE);
        int to = Math.min(text.length(), first + SNIPPET_AFTER);
        List<Evidence> shifted = evidence.stream().filter(e -> e.field() == Field.TEXT && e.end() > from && e.start() < to)
                .map(e -> new Evidence(e.term(), e.field(), Math.max(0, e.start() - from), Math.min(to, e.end()) - from))
                .toList();
        String html = Highlighter.highlight(text.substring(from, to), shifted, Field.TEXT);
        return (from > 0 ? "…" : "") + html + (to < text.length() ? "…" : "");
    }
}
