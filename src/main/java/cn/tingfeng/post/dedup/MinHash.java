package cn.tingfeng.post.dedup;

import java.util.Arrays;

/**
 * MinHash signature over 4-character shingles of {@link ShingleText}: 128 minimums of independent
 * 32-bit hashes, plus the number of distinct shingles so that containment can be estimated too.
 */
public record MinHash(int[] mins, int shingles) {

    public static final int SIZE = 128;
    public static final int SHINGLE = 4;

    public MinHash {
        mins = mins.clone();
    }

    public static MinHash of(String text) {
        String c = ShingleText.of(text);
        int[] mins = new int[SIZE];
        Arrays.fill(mins, Integer.MAX_VALUE);
        java.util.HashSet<Long> seen = new java.util.HashSet<>();
        int n = c.length() < SHINGLE ? (c.isEmpty() ? 0 : 1) : c.length() - SHINGLE + 1;
        for (int i = 0; i < n; i++) {
            long base = hash64(c, i, Math.min(c.length(), i + SHINGLE));
            if (!seen.add(base)) {
                continue;
            }
            int h1 = (int) base;
            int h2 = (int) (base >>> 32) | 1;
            for (int k = 0; k < SIZE; k++) {
                int h = mix(h1 + k * h2);
                if (h < mins[k]) {
                    mins[k] = h;
                }
            }
        }
        return new MinHash(mins, seen.size());
    }

    /** Estimated Jaccard similarity of the two shingle sets. */
    public double jaccard(MinHash o) {
        if (shingles == 0 || o.shingles == 0) {
            return 0;
        }
        int eq = 0;
        for (int k = 0; k < SIZE; k++) {
            if (mins[k] == o.mins[k]) {
                eq++;
            }
        }
        return eq / (double) SIZE;
    }

    /** Estimated share of the smaller set contained in the larger (a repost wrapped in other furniture). */
    public double containment(MinHash o) {
        double j = jaccard(o);
        int small = Math.min(shingles, o.shingles);
        if (small == 0) {
            return 0;
        }
        double intersection = j * (shingles + o.shingles) / (1 + j);
        return Math.min(1.0, intersection / small);
    }

    @Override
    public int[] mins() {
        return mins.clone();
    }

    int minAt(int k) {
        return mins[k];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MinHash m && m.shingles == shingles && Arrays.equals(m.mins, mins);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mins) + shingles;
    }

    private static long hash64(String s, int from, int to) {
        long h = 0xcbf29ce484222325L;
        for (int i = from; i < to; i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
