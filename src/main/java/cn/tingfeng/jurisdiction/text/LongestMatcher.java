package cn.tingfeng.jurisdiction.text;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One Aho-Corasick automaton (double-array trie) over a dictionary; {@link #find} returns the
 * non-overlapping matches, longest first (ties: the earlier one), in text order. Immutable, thread-safe.
 */
public final class LongestMatcher<V> {

    /** A match of {@code key} at [begin, end) of the text. */
    public record Match<V>(int begin, int end, String key, V value) {
        public int length() {
            return end - begin;
        }
    }

    private final AhoCorasickDoubleArrayTrie<V> trie;
    private final boolean empty;

    public LongestMatcher(Map<String, V> dictionary) {
        this.trie = new AhoCorasickDoubleArrayTrie<>();
        TreeMap<String, V> sorted = new TreeMap<>();
        dictionary.forEach((k, v) -> {
            if (k != null && !k.isEmpty()) sorted.put(k, v);
        });
        this.empty = sorted.isEmpty();
        if (!empty) trie.build(sorted);
    }

    public List<Match<V>> find(String text) {
        if (empty || text == null || text.isEmpty()) return List.of();
        List<Match<V>> all = new ArrayList<>();
        trie.parseText(text, (AhoCorasickDoubleArrayTrie.IHit<V>) (begin, end, value) -> all.add(new Match<>(begin, end, text.substring(begin, end), value)));
        if (all.size() <= 1) return all;
        all.sort(Comparator.<Match<V>>comparingInt(Match::length).reversed().thenComparingInt(Match::begin));
        boolean[] taken = new boolean[text.length()];
        List<Match<V>> chosen = new ArrayList<>();
        for (Match<V> m : all) {
            boolean free = true;
            for (int i = m.begin(); i < m.end() && free; i++) free = !taken[i];
            if (!free) continue;
            for (int i = m.begin(); i < m.end(); i++) taken[i] = true;
            chosen.add(m);
        }
        chosen.sort(Comparator.comparingInt(Match::begin));
        return chosen;
    }
}
