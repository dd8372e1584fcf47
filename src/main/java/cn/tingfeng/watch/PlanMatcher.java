package cn.tingfeng.watch;

import cn.tingfeng.shared.text.TextNormalizer;
import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * All plans compiled into one Aho-Corasick automaton over the distinct normalised terms. A post is scanned
 * once; only plans that have a hit on one of their anchor terms are evaluated, and their boolean and
 * proximity logic runs on the hits alone, so the cost per post does not grow with the number of plans.
 *
 * <p>Immutable and thread-safe (scratch space is per thread). Recompile when plans change.
 *
 * <p>Semantics: a term matches where its normalised text occurs in the normalised title or text (as its
 * field allows); NEAR/n holds when an occurrence of each term lies in the same field with at most n
 * characters between them (overlapping occurrences have distance 0).
 */
public final class PlanMatcher {

    private static final char SEPARATOR = '\u0001';

    private final PlanRule[] plans;
    private final Node[] roots;
    private final String[] terms;
    private final int[][] anchoredPlans;
    private final AhoCorasickDoubleArrayTrie<Integer> trie;
    private final ThreadLocal<Scratch> scratch;

    private PlanMatcher(PlanRule[] plans, Node[] roots, String[] terms, int[][] anchoredPlans,
                        AhoCorasickDoubleArrayTrie<Integer> trie) {
        this.plans = plans;
        this.roots = roots;
        this.terms = terms;
        this.anchoredPlans = anchoredPlans;
        this.trie = trie;
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(terms.length, plans.length));
    }

    /** Compiles the given plan versions (usually the current version of every active plan). */
    public static PlanMatcher compile(Collection<PlanRule> planRules) {
        PlanRule[] plans = planRules.toArray(new PlanRule[0]);
        Map<String, Integer> termIds = new HashMap<>();
        List<String> terms = new ArrayList<>();
        Node[] roots = new Node[plans.length];
        for (int p = 0; p < plans.length; p++) {
            if (!Rule.requiresHit(plans[p].rule())) {
                throw new IllegalArgumentException("plan " + plans[p].planId() + " has no positive term");
            }
            roots[p] = toNode(plans[p].rule(), termIds, terms);
        }
        // usage counts steer the anchor choice away from terms that many plans share
        int[] usage = new int[terms.size()];
        for (Node root : roots) {
            Set<Integer> seen = new LinkedHashSet<>();
            root.collectTerms(seen, false);
            for (int t : seen) {
                usage[t]++;
            }
        }
        double[] weight = new double[terms.size()];
        for (int t = 0; t < weight.length; t++) {
            int len = terms.get(t).length();
            weight[t] = usage[t] * (4.0 / Math.min(Math.max(len, 1), 4));
        }
        List<List<Integer>> anchored = new ArrayList<>();
        for (int t = 0; t < terms.size(); t++) {
            anchored.add(new ArrayList<>());
        }
        for (int p = 0; p < plans.length; p++) {
            roots[p].reorder(weight);
            Set<Integer> anchors = roots[p].anchors(weight);
            for (int t : anchors) {
                anchored.get(t).add(p);
            }
        }
        int[][] anchoredPlans = new int[terms.size()][];
        for (int t = 0; t < terms.size(); t++) {
            anchoredPlans[t] = anchored.get(t).stream().mapToInt(Integer::intValue).toArray();
        }
        AhoCorasickDoubleArrayTrie<Integer> trie = new AhoCorasickDoubleArrayTrie<>();
        if (!terms.isEmpty()) {
            TreeMap<String, Integer> dict = new TreeMap<>(termIds);
            trie.build(dict);
        }
        return new PlanMatcher(plans, roots, terms.toArray(new String[0]), anchoredPlans, trie);
    }

    public int planCount() {
        return plans.length;
    }

    /** Number of distinct normalised terms in the automaton. */
    public int termCount() {
        return terms.length;
    }

    /** The plan versions that match the post, in compile order, each with its evidence. */
    public List<PlanMatch> match(String title, String text) {
        if (plans.length == 0 || terms.length == 0) {
            return List.of();
        }
        String t = title == null ? "" : title;
        String b = text == null ? "" : text;
        char[] buf = new char[t.length() + 1 + b.length()];
        TextNormalizer.normalizeInto(t, buf, 0);
        buf[t.length()] = SEPARATOR;
        TextNormalizer.normalizeInto(b, buf, t.length() + 1);

        Scratch s = scratch.get();
        s.begin(t.length());
        trie.parseText(buf, (AhoCorasickDoubleArrayTrie.IHit<Integer>) s::hit);
        if (s.hitTermCount == 0) {
            return List.of();
        }
        // candidate plans: those anchored on a hit term
        int candidates = 0;
        for (int k = 0; k < s.hitTermCount; k++) {
            for (int p : anchoredPlans[s.hitTerms[k]]) {
                if (s.planStamp[p] != s.epoch) {
                    s.planStamp[p] = s.epoch;
                    s.candidates[candidates++] = p;
                }
            }
        }
        if (candidates == 0) {
            return List.of();
        }
        Arrays.sort(s.candidates, 0, candidates);
        List<PlanMatch> out = new ArrayList<>();
        for (int k = 0; k < candidates; k++) {
            int p = s.candidates[k];
            if (roots[p].eval(s)) {
                out.add(new PlanMatch(plans[p].planId(), plans[p].version(), evidence(roots[p], s)));
            }
        }
        return out;
    }

    private List<Evidence> evidence(Node root, Scratch s) {
        List<Evidence> ev = new ArrayList<>();
        Set<Long> seen = new java.util.HashSet<>();
        root.collectEvidence(s, false, (termId, field) -> {
            if (s.termStamp[termId] != s.epoch) {
                return;
            }
            for (int h = s.termHead[termId]; h >= 0; h = s.hitNext[h]) {
                boolean inTitle = s.hitStart[h] < s.titleLength;
                if (!field.admits(inTitle)) {
                    continue;
                }
                long key = ((long) termId << 32) | s.hitStart[h];
                if (seen.add(key)) {
                    int offset = inTitle ? 0 : s.titleLength + 1;
                    ev.add(new Evidence(terms[termId], inTitle ? Field.TITLE : Field.TEXT,
                            s.hitStart[h] - offset, s.hitEnd[h] - offset));
                }
            }
        });
        ev.sort(Comparator.comparing(Evidence::field).thenComparingInt(Evidence::start)
                .thenComparingInt(Evidence::end));
        return ev;
    }

    // ---- per-thread scratch -------------------------------------------------------------------

    private static final class Scratch {
        final int[] termStamp;
        final int[] termHead;
        final byte[] termFields; // bit 1: in title, bit 2: in text
        final int[] hitTerms;
        int hitTermCount;
        final int[] planStamp;
        final int[] candidates;
        int[] hitStart = new int[64];
        int[] hitEnd = new int[64];
        int[] hitNext = new int[64];
        int hits;
        int epoch;
        int titleLength;

        Scratch(int termCount, int planCount) {
            termStamp = new int[termCount];
            termHead = new int[termCount];
            termFields = new byte[termCount];
            hitTerms = new int[termCount];
            planStamp = new int[planCount];
            candidates = new int[planCount];
        }

        void begin(int titleLength) {
            this.titleLength = titleLength;
            hits = 0;
            hitTermCount = 0;
            epoch++;
            if (epoch == Integer.MAX_VALUE) {
                Arrays.fill(termStamp, 0);
                Arrays.fill(planStamp, 0);
                epoch = 1;
            }
        }

        void hit(int begin, int end, Integer value) {
            int t = value;
            if (termStamp[t] != epoch) {
                termStamp[t] = epoch;
                termHead[t] = -1;
                termFields[t] = 0;
                hitTerms[hitTermCount++] = t;
            }
            if (hits == hitStart.length) {
                int n = hits * 2;
                hitStart = Arrays.copyOf(hitStart, n);
                hitEnd = Arrays.copyOf(hitEnd, n);
                hitNext = Arrays.copyOf(hitNext, n);
            }
            hitStart[hits] = begin;
            hitEnd[hits] = end;
            hitNext[hits] = termHead[t];
            termHead[t] = hits;
            hits++;
            termFields[t] |= begin < titleLength ? 1 : 2;
        }

        boolean has(int term, Field field) {
            if (termStamp[term] != epoch) {
                return false;
            }
            switch (field) {
                case TITLE:
                    return (termFields[term] & 1) != 0;
                case TEXT:
                    return (termFields[term] & 2) != 0;
                default:
                    return true;
            }
        }
    }

    // ---- compiled rule nodes --------------------------------------------------------------------

    private interface EvidenceSink {
        void accept(int termId, Field field);
    }

    private abstract static class Node {
        abstract boolean eval(Scratch s);

        /** Terms of which at least one must hit for the node to hold; null if the node can hold without hits. */
        abstract Set<Integer> anchors(double[] weight);

        abstract void collectTerms(Set<Integer> into, boolean negated);

        abstract void collectEvidence(Scratch s, boolean negated, EvidenceSink sink);

        /** Puts the children least likely to hold first, so evaluation stops early. */
        void reorder(double[] weight) {
        }
    }

    private static double cost(Set<Integer> anchors, double[] weight) {
        double c = 0;
        for (int t : anchors) {
            c += weight[t];
        }
        return c;
    }

    private static final class TermNode extends Node {
        final int term;
        final Field field;

        TermNode(int term, Field field) {
            this.term = term;
            this.field = field;
        }

        @Override
        boolean eval(Scratch s) {
            return s.has(term, field);
        }

        @Override
        Set<Integer> anchors(double[] weight) {
            return Set.of(term);
        }

        @Override
        void collectTerms(Set<Integer> into, boolean negated) {
            into.add(term);
        }

        @Override
        void collectEvidence(Scratch s, boolean negated, EvidenceSink sink) {
            if (!negated) {
                sink.accept(term, field);
            }
        }
    }

    private static final class NearNode extends Node {
        final TermNode a;
        final TermNode b;
        final int distance;

        NearNode(TermNode a, TermNode b, int distance) {
            this.a = a;
            this.b = b;
            this.distance = distance;
        }

        @Override
        boolean eval(Scratch s) {
            if (!a.eval(s) || !b.eval(s)) {
                return false;
            }
            for (int x = s.termHead[a.term]; x >= 0; x = s.hitNext[x]) {
                boolean xTitle = s.hitStart[x] < s.titleLength;
                if (!a.field.admits(xTitle)) {
                    continue;
                }
                for (int y = s.termHead[b.term]; y >= 0; y = s.hitNext[y]) {
                    boolean yTitle = s.hitStart[y] < s.titleLength;
                    if (yTitle != xTitle || !b.field.admits(yTitle)) {
                        continue;
                    }
                    int gap = Math.max(0, Math.max(s.hitStart[y] - s.hitEnd[x], s.hitStart[x] - s.hitEnd[y]));
                    if (gap <= distance) {
                        return true;
                    }
                }
            }
            return false;
        }

        @Override
        Set<Integer> anchors(double[] weight) {
            return weight[a.term] <= weight[b.term] ? Set.of(a.term) : Set.of(b.term);
        }

        @Override
        void collectTerms(Set<Integer> into, boolean negated) {
            into.add(a.term);
            into.add(b.term);
        }

        @Override
        void collectEvidence(Scratch s, boolean negated, EvidenceSink sink) {
            if (!negated) {
                sink.accept(a.term, a.field);
                sink.accept(b.term, b.field);
            }
        }
    }

    private static final class AndNode extends Node {
        final Node[] children;

        AndNode(Node[] children) {
            this.children = children;
        }

        @Override
        boolean eval(Scratch s) {
            for (Node c : children) {
                if (!c.eval(s)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        void reorder(double[] weight) {
            for (Node c : children) {
                c.reorder(weight);
            }
            Arrays.sort(children, Comparator.comparingDouble(c -> {
                Set<Integer> a = c.anchors(weight);
                return a == null ? Double.MAX_VALUE : cost(a, weight);
            }));
        }

        @Override
        Set<Integer> anchors(double[] weight) {
            Set<Integer> best = null;
            double bestCost = Double.MAX_VALUE;
            for (Node c : children) {
                Set<Integer> a = c.anchors(weight);
                if (a != null) {
                    double cost = cost(a, weight);
                    if (cost < bestCost) {
                        best = a;
                        bestCost = cost;
                    }
                }
            }
            return best;
        }

        @Override
        void collectTerms(Set<Integer> into, boolean negated) {
            for (Node c : children) {
                c.collectTerms(into, negated);
            }
        }

        @Override
        void collectEvidence(Scratch s, boolean negated, EvidenceSink sink) {
            for (Node c : children) {
                c.collectEvidence(s, negated, sink);
            }
        }
    }

    private static final class OrNode extends Node {
        final Node[] children;

        OrNode(Node[] children) {
            this.children = children;
        }

        @Override
        boolean eval(Scratch s) {
            for (Node c : children) {
                if (c.eval(s)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        void reorder(double[] weight) {
            for (Node c : children) {
                c.reorder(weight);
            }
        }

        @Override
        Set<Integer> anchors(double[] weight) {
            Set<Integer> all = new LinkedHashSet<>();
            for (Node c : children) {
                Set<Integer> a = c.anchors(weight);
                if (a == null) {
                    return null;
                }
                all.addAll(a);
            }
            return all;
        }

        @Override
        void collectTerms(Set<Integer> into, boolean negated) {
            for (Node c : children) {
                c.collectTerms(into, negated);
            }
        }

        @Override
        void collectEvidence(Scratch s, boolean negated, EvidenceSink sink) {
            for (Node c : children) {
                if (negated || c.eval(s)) {
                    c.collectEvidence(s, negated, sink);
                }
            }
        }
    }

    private static final class NotNode extends Node {
        final Node child;

        NotNode(Node child) {
            this.child = child;
        }

        @Override
        boolean eval(Scratch s) {
            return !child.eval(s);
        }

        @Override
        void reorder(double[] weight) {
            child.reorder(weight);
        }

        @Override
        Set<Integer> anchors(double[] weight) {
            return null;
        }

        @Override
        void collectTerms(Set<Integer> into, boolean negated) {
            child.collectTerms(into, !negated);
        }

        @Override
        void collectEvidence(Scratch s, boolean negated, EvidenceSink sink) {
            // terms under NOT are not evidence of a match
        }
    }

    private static Node toNode(Rule r, Map<String, Integer> ids, List<String> terms) {
        if (r instanceof Rule.Term t) {
            return new TermNode(id(t.text(), ids, terms), t.field());
        }
        if (r instanceof Rule.Near n) {
            return new NearNode((TermNode) toNode(n.left(), ids, terms), (TermNode) toNode(n.right(), ids, terms),
                    n.distance());
        }
        if (r instanceof Rule.And a) {
            return new AndNode(a.children().stream().map(c -> toNode(c, ids, terms)).toArray(Node[]::new));
        }
        if (r instanceof Rule.Or o) {
            return new OrNode(o.children().stream().map(c -> toNode(c, ids, terms)).toArray(Node[]::new));
        }
        return new NotNode(toNode(((Rule.Not) r).child(), ids, terms));
    }

    private static int id(String text, Map<String, Integer> ids, List<String> terms) {
        return ids.computeIfAbsent(text, k -> {
            terms.add(k);
            return terms.size() - 1;
        });
    }
}
