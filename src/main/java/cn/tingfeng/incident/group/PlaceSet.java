package cn.tingfeng.incident.group;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A supplied set of place names with their parent (e.g. 同兴镇 → 灌云县 → 连云港市), usually built from the
 * jurisdiction's gazetteer. Finding a place also yields its ancestors, so that a post naming a town and a
 * post naming its county share a place. Roots (parent null) are generic: naming the city says little about
 * which happening a post is about.
 */
public final class PlaceSet {

    private final Map<String, String> parent;
    private final AhoCorasickDoubleArrayTrie<String> trie = new AhoCorasickDoubleArrayTrie<>();

    /** @param parentByName place name → parent name (null for a root such as the city itself) */
    public PlaceSet(Map<String, String> parentByName) {
        this(parentByName, Map.of());
    }

    /**
     * @param parentByName place name → parent name (null for a root such as the city itself)
     * @param aliases      other name → place name (灌云 → 灌云县, 新浦 → 海州区)
     */
    public PlaceSet(Map<String, String> parentByName, Map<String, String> aliases) {
        this.parent = new HashMap<>(parentByName);
        TreeMap<String, String> dict = new TreeMap<>();
        aliases.forEach((alias, name) -> {
            if (parentByName.containsKey(name)) {
                dict.put(alias, name);
            }
        });
        for (String n : parentByName.keySet()) {
            dict.put(n, n);
        }
        if (!dict.isEmpty()) {
            trie.build(dict);
        }
    }

    /**
     * Short forms of county-level names (灌云县 → 灌云, 海州区 → 海州): the name without its 县/区/市 suffix,
     * when at least two characters remain and the short form is not part of another name (连云区 → 连云 is
     * refused because of 连云港).
     */
    public static Map<String, String> shortForms(java.util.Collection<String> names) {
        Map<String, String> out = new HashMap<>();
        for (String n : names) {
            if (n.length() >= 3 && (n.endsWith("县") || n.endsWith("区") || n.endsWith("市"))) {
                String stem = n.substring(0, n.length() - 1);
                boolean ambiguous = names.stream().anyMatch(o -> !o.equals(n) && o.contains(stem));
                if (!ambiguous) {
                    out.put(stem, n);
                }
            }
        }
        return out;
    }

    public static PlaceSet empty() {
        return new PlaceSet(Map.of());
    }

    /** Places named in the text, with their ancestors. */
    public Set<String> find(String text) {
        Set<String> out = new LinkedHashSet<>();
        if (parent.isEmpty() || text == null) {
            return out;
        }
        trie.parseText(text, (AhoCorasickDoubleArrayTrie.IHit<String>) (b, e, name) -> {
            for (String p = name; p != null && out.add(p); p = parent.get(p)) {
                // walk up
            }
        });
        return out;
    }

    public boolean contains(String name) {
        return parent.containsKey(name);
    }

    /** 0 for a root (generic), growing with depth: 0.6 at the first level (county), 1.0 below (township). */
    public double specificity(String name) {
        int depth = 0;
        for (String p = parent.get(name); p != null && depth < 10; p = parent.get(p)) {
            depth++;
        }
        if (!parent.containsKey(name)) {
            return -1;
        }
        return depth == 0 ? 0 : depth == 1 ? 0.6 : 1.0;
    }
}
