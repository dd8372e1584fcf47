package cn.tingfeng.post.dedup;

import cn.tingfeng.post.Post;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * De-duplication of collected posts. Same canonical URL is one post already ({@code PostStore}); the same content
 * hash makes a post a duplicate of the earliest processed post with that hash; a near-duplicate (MinHash, LSH bands
 * in memory, loaded from the stored signatures of the recent window) is a repost of the earlier one. Every verdict is
 * stored in {@code post_fingerprint} with the pipeline generation that wrote it, so another node catches up with
 * exactly the originals it has not seen. Decisions are taken under the pipeline lock (one writer in the cluster).
 */
@ApplicationScoped
public class DedupService {
    public record Result(Long duplicateOf, String kind, double similarity) {
        public boolean isDuplicate() {
            return duplicateOf != null;
        }
    }

    /** What one batch needs from the database, read in two queries instead of two per post. */
    public final class Batch {
        private final Map<Long, PostFingerprint> existing;
        private final Map<String, Long> firstByContent;

        Batch(Map<Long, PostFingerprint> existing, Map<String, Long> firstByContent) {
            this.existing = existing;
            this.firstByContent = firstByContent;
        }

        /** Idempotent: a post already fingerprinted keeps its verdict. {@code m}: its MinHash (computed off the lock). */
        public Result check(Post p, MinHash m) {
            PostFingerprint known = existing.get(p.id);
            if (known != null) {
                return new Result(known.duplicateOf, known.duplicateKind, known.similarity == null ? 0 : known.similarity);
            }
            Deduplicator dedup = index();
            Deduplicator.Fingerprint f = new Deduplicator.Fingerprint(null, "#" + p.id, m);
            Long same = p.contentHash == null ? null : firstByContent.get(p.contentHash);
            Result r;
            if (same != null && !same.equals(p.id)) {
                r = new Result(same, PostFingerprint.SAME_CONTENT, 1.0);
            } else {
                Deduplicator.Verdict v = dedup.check(f);
                r = v.kind() == Deduplicator.Kind.NEAR_DUPLICATE
                        ? new Result(Long.valueOf(v.duplicateOf()), PostFingerprint.NEAR_DUPLICATE, v.similarity())
                        : new Result(null, null, 0);
            }
            PostFingerprint row = new PostFingerprint();
            row.postId = p.id;
            row.minhash = encode(m);
            row.shingles = m.shingles();
            row.duplicateOf = r.duplicateOf();
            row.duplicateKind = r.kind();
            row.similarity = r.isDuplicate() ? r.similarity() : null;
            row.createdAt = clock.instant();
            row.generation = writing;
            fingerprints.persist(row);
            existing.put(p.id, row);
            if (p.contentHash != null) {
                firstByContent.putIfAbsent(p.contentHash, p.id);
            }
            if (!r.isDuplicate()) {
                dedup.add(String.valueOf(p.id), f);  // only originals are candidates: a repost points at the first
            }
            return r;
        }
    }

    @Inject
    PostFingerprintRepository fingerprints;
    @Inject
    Clock clock;
    @Inject
    DedupConfig config;

    private Deduplicator index;
    private long generation = -1;
    private long writing = -1;

    /** Reads the fingerprints and earliest same-content posts of a batch. Inside the caller's transaction. */
    public Batch prepare(Collection<Post> posts) {
        List<Long> ids = posts.stream().map(p -> p.id).toList();
        Map<Long, PostFingerprint> existing = new HashMap<>();
        for (PostFingerprint f : fingerprints.list("postId in ?1", ids)) {
            existing.put(f.postId, f);
        }
        Set<String> hashes = posts.stream().map(p -> p.contentHash).filter(h -> h != null).collect(Collectors.toSet());
        Map<String, Long> first = new HashMap<>();
        if (!hashes.isEmpty()) {
            List<Object[]> rows = fingerprints.getEntityManager().createQuery(
                    "select p.contentHash, min(p.id) from Post p where p.contentHash in ?1 and exists"
                            + " (select 1 from PostFingerprint f where f.postId = p.id) group by p.contentHash", Object[].class)
                    .setParameter(1, hashes).getResultList();
            for (Object[] r : rows) {
                first.put((String) r[0], (Long) r[1]);
            }
        }
        return new Batch(existing, first);
    }

    /** Under the pipeline lock: catch up with the originals other nodes fingerprinted up to {@code current}. */
    public synchronized void sync(long current, long writing) {
        if (generation < 0 || index == null) {
            index = null;
            index();
        } else if (current != generation) {
            for (PostFingerprint f : fingerprints.list("generation > ?1 and duplicateOf is null order by postId", generation)) {
                index.add(String.valueOf(f.postId), new Deduplicator.Fingerprint(null, "#" + f.postId, decode(f.minhash, f.shingles)));
            }
        }
        generation = current;
        this.writing = writing;
    }

    public synchronized void committed() {
        if (writing >= 0) {
            generation = writing;
        }
        writing = -1;
    }

    /** Forgets the in-memory index (it is reloaded from the database under the next lock). */
    public synchronized void invalidate() {
        index = null;
        generation = -1;
        writing = -1;
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

    public static String text(Post p) {
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
