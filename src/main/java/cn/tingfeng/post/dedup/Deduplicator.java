package cn.tingfeng.post.dedup;

import cn.tingfeng.post.ContentHash;
import cn.tingfeng.post.UrlCanonicalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * In-memory de-duplication index: exact duplicates by canonical URL and content hash, near-duplicates by
 * MinHash with LSH banding (64 bands of 2 rows, so pairs with a Jaccard of 0.3 are nearly always
 * compared). A service hydrates it with the posts of its time window and adds each new unique post.
 * Not thread-safe: one writer.
 */
public final class Deduplicator {

    /** Thresholds: near-duplicate when Jaccard ≥ {@code jaccard}, or containment ≥ {@code containment} with
     * at least {@code minShinglesForContainment} distinct shingles in the smaller text. */
    public record Thresholds(double jaccard, double containment, int minShinglesForContainment) {
        public static Thresholds defaults() {
            return new Thresholds(0.5, 0.8, 60);
        }
    }

    public enum Kind { UNIQUE, SAME_URL, SAME_CONTENT, NEAR_DUPLICATE }

    /** The verdict for a candidate post; {@code duplicateOf} is the id of the earlier post (null when unique). */
    public record Verdict(Kind kind, String duplicateOf, double similarity) {
        public boolean isDuplicate() {
            return kind != Kind.UNIQUE;
        }
    }

    /** The keys a service stores with a post (canonical URL and content hash get unique indexes). */
    public record Fingerprint(String canonicalUrl, String contentHash, MinHash minHash) {
        public static Fingerprint of(String url, String text) {
            return new Fingerprint(url == null || url.isBlank() ? null : UrlCanonicalizer.canonicalize(url),
                    ContentHash.of(text), MinHash.of(text));
        }
    }

    private static final int BANDS = 64;
    private static final int ROWS = MinHash.SIZE / BANDS;

    private final Thresholds thresholds;
    private final Map<String, String> byUrl = new HashMap<>();
    private final Map<String, String> byContent = new HashMap<>();
    private final List<Map<Long, List<Integer>>> bands = new ArrayList<>();
    private final List<String> ids = new ArrayList<>();
    private final List<MinHash> hashes = new ArrayList<>();

    public Deduplicator(Thresholds thresholds) {
        this.thresholds = Objects.requireNonNull(thresholds);
        for (int b = 0; b < BANDS; b++) {
            bands.add(new HashMap<>());
        }
    }

    public Deduplicator() {
        this(Thresholds.defaults());
    }

    /** Checks a post against the index without adding it. */
    public Verdict check(String url, String text) {
        return check(Fingerprint.of(url, text));
    }

    public Verdict check(Fingerprint f) {
        if (f.canonicalUrl() != null && byUrl.containsKey(f.canonicalUrl())) {
            return new Verdict(Kind.SAME_URL, byUrl.get(f.canonicalUrl()), 1.0);
        }
        if (byContent.containsKey(f.contentHash())) {
            return new Verdict(Kind.SAME_CONTENT, byContent.get(f.contentHash()), 1.0);
        }
        return nearest(f.minHash())
                .orElse(new Verdict(Kind.UNIQUE, null, 0));
    }

    /** Adds a post; returns the verdict it had before being added. Duplicates are added too (their URLs count). */
    public Verdict add(String id, String url, String text) {
        Fingerprint f = Fingerprint.of(url, text);
        Verdict v = check(f);
        add(id, f);
        return v;
    }

    public void add(String id, Fingerprint f) {
        if (f.canonicalUrl() != null) {
            byUrl.putIfAbsent(f.canonicalUrl(), id);
        }
        byContent.putIfAbsent(f.contentHash(), id);
        if (f.minHash().shingles() == 0) {
            return;
        }
        int index = ids.size();
        ids.add(id);
        hashes.add(f.minHash());
        for (int b = 0; b < BANDS; b++) {
            bands.get(b).computeIfAbsent(bandKey(f.minHash(), b), k -> new ArrayList<>(1)).add(index);
        }
    }

    public int size() {
        return ids.size();
    }

    private Optional<Verdict> nearest(MinHash m) {
        if (m.shingles() == 0) {
            return Optional.empty();
        }
        java.util.BitSet tried = new java.util.BitSet();
        Verdict best = null;
        for (int b = 0; b < BANDS; b++) {
            List<Integer> bucket = bands.get(b).get(bandKey(m, b));
            if (bucket == null) {
                continue;
            }
            for (int i : bucket) {
                if (tried.get(i)) {
                    continue;
                }
                tried.set(i);
                MinHash other = hashes.get(i);
                double j = m.jaccard(other);
                double c = m.containment(other);
                boolean near = j >= thresholds.jaccard()
                        || (c >= thresholds.containment()
                        && Math.min(m.shingles(), other.shingles()) >= thresholds.minShinglesForContainment());
                double score = Math.max(j, c);
                if (near && (best == null || score > best.similarity())) {
                    best = new Verdict(Kind.NEAR_DUPLICATE, ids.get(i), score);
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private static long bandKey(MinHash m, int band) {
        long k = band;
        for (int r = 0; r < ROWS; r++) {
            k = k * 0x9E3779B97F4A7C15L + m.minAt(band * ROWS + r);
        }
        return k;
    }
}
