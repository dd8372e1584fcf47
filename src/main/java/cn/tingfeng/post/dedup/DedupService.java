package cn.tingfeng.post.dedup;

import cn.tingfeng.post.Post;
import cn.tingfeng.watch.WatchConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * De-duplication of collected posts. Same canonical URL is one post already ({@code PostStore}); the same content
 * hash makes a post a duplicate of the earliest post with that hash; a near-duplicate (MinHash, LSH bands in
 * memory, rebuilt from the stored signatures of the recent window at first use) is a repost of the earlier one.
 * Every verdict is stored in {@code post_fingerprint}. Callers hold the pipeline's lock (one writer).
 */
@ApplicationScoped
public class DedupService {
    public record Result(Long duplicateOf, String kind, double similarity) {
        public boolean isDuplicate() {
            return duplicateOf != null;
        }
    }

    @Inject
    PostFingerprintRepository fingerprints;
    @Inject
    Clock clock;
    @Inject
    WatchConfig config;

    private Deduplicator index;

    /** Inside the caller's transaction. Idempotent: a post already fingerprinted keeps its verdict. */
    public Result check(Post p) {
        PostFingerprint existing = fingerprints.findById(p.id);
        if (existing != null) {
            return new Result(existing.duplicateOf, existing.duplicateKind,
                    existing.similarity == null ? 0 : existing.similarity);
        }
        Deduplicator dedup = index();
        String text = text(p);
        Deduplicator.Fingerprint f = new Deduplicator.Fingerprint(null, "#" + p.id, MinHash.of(text));
        Result r = sameContent(p);
        if (r == null) {
            Deduplicator.Verdict v = dedup.check(f);
            r = v.kind() == Deduplicator.Kind.NEAR_DUPLICATE
                    ? new Result(Long.valueOf(v.duplicateOf()), PostFingerprint.NEAR_DUPLICATE, v.similarity())
                    : new Result(null, null, 0);
        }
        PostFingerprint row = new PostFingerprint();
        row.postId = p.id;
        row.minhash = encode(f.minHash());
        row.shingles = f.minHash().shingles();
        row.duplicateOf = r.duplicateOf();
        row.duplicateKind = r.kind();
        row.similarity = r.isDuplicate() ? r.similarity() : null;
        row.createdAt = clock.instant();
        fingerprints.persist(row);
        if (!r.isDuplicate()) {
            dedup.add(String.valueOf(p.id), f);  // only originals are candidates: a repost points at the first
        }
        return r;
    }

    private Result sameContent(Post p) {
        if (p.contentHash == null) {
            return null;
        }
        List<Long> earlier = fingerprints.getEntityManager().createQuery(
                "select p.id from Post p where p.contentHash = ?1 and p.id <> ?2 and exists"
                        + " (select 1 from PostFingerprint f where f.postId = p.id) order by p.id", Long.class)
                .setParameter(1, p.contentHash).setParameter(2, p.id).setMaxResults(1).getResultList();
        return earlier.isEmpty() ? null : new Result(earlier.get(0), PostFingerprint.SAME_CONTENT, 1.0);
    }

    /** Forgets the in-memory index (it is rebuilt from the database at next use). */
    public synchronized void reset() {
        index = null;
    }

    private synchronized Deduplicator index() {
        if (index == null) {
            Deduplicator d = new Deduplicator();
            Instant since = clock.instant().minus(config.dedupWindow());
            List<PostFingerprint> recent = fingerprints.list("createdAt >= ?1 and duplicateOf is null order by postId", since);
            for (PostFingerprint f : recent) {
                d.add(String.valueOf(f.postId), new Deduplicator.Fingerprint(null, "#" + f.postId, decode(f.minhash, f.shingles)));
            }
            index = d;
        }
        return index;
    }

    static String text(Post p) {
        return (p.title == null ? "" : p.title + "\n") + (p.body == null ? "" : p.body);
    }

    static String encode(MinHash m) {
        ByteBuffer b = ByteBuffer.allocate(MinHash.SIZE * 4);
        for (int v : m.mins()) {
            b.putInt(v);
        }
        return Base64.getEncoder().encodeToString(b.array());
    }

    static MinHash decode(String s, int shingles) {
        ByteBuffer b = ByteBuffer.wrap(Base64.getDecoder().decode(s));
        int[] mins = new int[MinHash.SIZE];
        for (int i = 0; i < mins.length; i++) {
            mins[i] = b.getInt();
        }
        return new MinHash(mins, shingles);
    }
}
