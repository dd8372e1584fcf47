package cn.tingfeng.post;

import cn.tingfeng.post.queue.PostQueue;
import cn.tingfeng.source.Source;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The one way posts enter the database, whatever brought them (crawler, import, API): one post per canonical URL;
 * a changed text updates the post and keeps the earlier version; a vanished page is marked deleted, never dropped.
 */
@ApplicationScoped
public class PostStore {
    /** A post as collected. {@code engagement} keys: likes, comments, shares, views. */
    public record Incoming(Source source, String url, String title, String body, String author, Instant publishedAt,
            String platform, Map<String, Long> engagement) {
    }

    public enum Outcome { NEW, UPDATED, UNCHANGED }

    public record Stored(Long postId, Outcome outcome) {
    }

    @Inject
    PostRepository posts;
    @Inject
    Clock clock;
    @Inject
    Event<PostCollected> collected;
    @Inject
    PostQueue queue;

    @Transactional
    public Stored store(Incoming in) {
        String canonical = UrlCanonicalizer.canonicalize(in.url());
        String urlHash = sha256(canonical);
        String contentHash = ContentHash.of(in.title(), in.body());
        Instant now = clock.instant();
        Optional<Post> existing = posts.findByUrlHash(urlHash);
        if (existing.isEmpty()) {
            Post p = new Post();
            p.source = in.source();
            p.url = in.url();
            p.canonicalUrl = canonical;
            p.urlHash = urlHash;
            apply(p, in, contentHash);
            p.fetchedAt = now;
            p.platform = in.platform() == null ? "web" : in.platform();
            posts.persist(p);
            queue.enqueue(p.id, "collected");  // same transaction: stored means queued for monitoring
            collected.fire(new PostCollected(p.id, PostCollected.Change.NEW));
            return new Stored(p.id, Outcome.NEW);
        }
        Post p = existing.get();
        engagement(p, in.engagement());
        if (Post.DELETED.equals(p.status)) {
            p.status = Post.ACTIVE;  // the page is back
            p.deletedAt = null;
        }
        if (contentHash.equals(p.contentHash)) {
            p.fetchedAt = now;
            return new Stored(p.id, Outcome.UNCHANGED);
        }
        PostVersion v = new PostVersion();
        v.post = p;
        v.versionNo = p.versionNo;
        v.title = p.title;
        v.body = p.body;
        v.author = p.author;
        v.publishedAt = p.publishedAt;
        v.contentHash = p.contentHash;
        v.fetchedAt = p.fetchedAt;
        v.replacedAt = now;
        posts.getEntityManager().persist(v);
        apply(p, in, contentHash);
        p.versionNo++;
        p.fetchedAt = now;
        p.updatedAt = now;
        queue.enqueue(p.id, "updated");
        collected.fire(new PostCollected(p.id, PostCollected.Change.UPDATED));
        return new Stored(p.id, Outcome.UPDATED);
    }

    /** The page answered 404/410 after it was collected (删帖): keep the post, mark it deleted. */
    @Transactional
    public boolean markDeleted(String url) {
        return posts.findByUrlHash(sha256(UrlCanonicalizer.canonicalize(url))).map(p -> {
            if (!Post.DELETED.equals(p.status)) {
                p.status = Post.DELETED;
                p.deletedAt = clock.instant();
            }
            return true;
        }).orElse(false);
    }

    private static void apply(Post p, Incoming in, String contentHash) {
        p.title = truncate(in.title(), 1000);
        p.body = truncate(in.body(), 1_000_000);
        p.author = truncate(in.author(), 200);
        if (in.publishedAt() != null) {
            p.publishedAt = in.publishedAt();
        }
        p.contentHash = contentHash;
        engagement(p, in.engagement());
    }

    private static void engagement(Post p, Map<String, Long> e) {
        if (e == null) {
            return;
        }
        p.likes = count(e.get("likes"), p.likes);
        p.comments = count(e.get("comments"), p.comments);
        p.shares = count(e.get("shares"), p.shares);
        p.views = count(e.get("views"), p.views);
    }

    private static Integer count(Long v, Integer previous) {
        if (v == null) {
            return previous;
        }
        return (int) Math.min(Integer.MAX_VALUE, Math.max(0, v));
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
