package cn.tingfeng.search;

import cn.tingfeng.jurisdiction.text.LongestMatcher;
import cn.tingfeng.shared.ApiException;
import cn.tingfeng.shared.text.TextNormalizer;
import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.stopword.CoreStopWordDictionary;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one segmentation policy of the search, used for the posts (index) and for the user's query alike, so that both
 * sides cut a text the same way. Pure and thread-safe.
 *
 * <ul>
 * <li>The text is normalised ({@link TextNormalizer}: traditional → simplified, full-width → half-width, case folding).</li>
 * <li>Names of the user dictionary (the gazetteer's place names: 映山岭, 灌南县, 新浦 …) are cut out first, longest
 * match first, and stay one term each; HanLP segments the text between them.</li>
 * <li>Words of two or more characters are terms; stop words and punctuation are dropped.</li>
 * <li>A run of single characters that HanLP could not join (an unknown name, 某某) is indexed as its character bigrams,
 * so the same run in a query still finds it.</li>
 * <li>A lone single character is no term (it would match half the archive); in a query it narrows the hits as a
 * substring, together with at least one term.</li>
 * </ul>
 */
public final class SearchTerms {
    /** Longest term stored (post_term.term is varchar(64)). */
    public static final int MAX_TERM = 64;
    /** Index at most this many characters of a body (the rest of a very long page is rarely what is searched). */
    public static final int MAX_INDEXED_BODY = 200_000;
    public static final int TITLE_WEIGHT = 3;
    public static final int MAX_QUERY = 200;
    public static final int MAX_QUERY_TERMS = 10;

    private static final Pattern QUOTED = Pattern.compile("[\"“”「」『』]([^\"“”「」『』]*)[\"“”「」『』]");

    /** A token: {@code single} when it is a lone character (not indexed). */
    record Token(String text, boolean single) {
    }

    /**
     * A parsed query: all {@code terms} must be in the post (AND); every {@code substrings} entry (a quoted phrase, a
     * single character) must occur in its title or body; {@code highlights} are what the snippet marks.
     */
    public record Query(List<String> terms, List<String> substrings, List<String> highlights) {
    }

    private final LongestMatcher<Boolean> dictionary;
    /** Name → the shorter names inside it (孔望山景区 → 孔望山): indexed too, so the shorter name finds the longer one. */
    private final Map<String, List<String>> contained = new HashMap<>();
    private final ThreadLocal<Segment> segment = ThreadLocal.withInitial(() -> HanLP.newSegment()
            .enablePlaceRecognize(false).enableOrganizationRecognize(false).enableNameRecognize(false));

    public SearchTerms(Collection<String> userDictionary) {
        Map<String, Boolean> d = new HashMap<>();
        for (String n : userDictionary) {
            String k = TextNormalizer.normalize(n.strip());
            if (k.length() >= 2 && k.length() <= MAX_TERM) d.put(k, Boolean.TRUE);
        }
        this.dictionary = new LongestMatcher<>(d);
        for (String name : d.keySet()) {
            List<String> inner = new ArrayList<>();
            for (int i = 0; i < name.length(); i++) {
                for (int j = i + 2; j <= name.length(); j++) {
                    String sub = name.substring(i, j);
                    if (!sub.equals(name) && d.containsKey(sub) && !inner.contains(sub)) inner.add(sub);
                }
            }
            if (!inner.isEmpty()) contained.put(name, List.copyOf(inner));
        }
    }

    /** The index terms of a post with their weights (title occurrences count {@link #TITLE_WEIGHT}, body ones 1). */
    public Map<String, Integer> index(String title, String body) {
        Map<String, Integer> w = new LinkedHashMap<>();
        for (String t : terms(tokens(title))) add(w, t, TITLE_WEIGHT);
        String b = body == null ? "" : body.length() > MAX_INDEXED_BODY ? body.substring(0, MAX_INDEXED_BODY) : body;
        for (String t : terms(tokens(b))) add(w, t, 1);
        return w;
    }

    private void add(Map<String, Integer> w, String term, int weight) {
        w.merge(term, weight, Integer::sum);
        for (String inner : contained.getOrDefault(term, List.of())) w.merge(inner, weight, Integer::sum);
    }

    /** The query: quoted phrases (ASCII or Chinese quotes) must occur as written; everything else is AND of its terms. */
    public Query parse(String q) {
        if (q == null || q.isBlank()) throw ApiException.badRequest("q", "请输入检索词");
        if (q.length() > MAX_QUERY) throw ApiException.badRequest("q", "检索词不能超过 " + MAX_QUERY + " 个字");
        Set<String> terms = new LinkedHashSet<>();
        Set<String> substrings = new LinkedHashSet<>();
        StringBuilder rest = new StringBuilder();
        Matcher m = QUOTED.matcher(q);
        int last = 0;
        while (m.find()) {
            rest.append(q, last, m.start()).append(' ');
            last = m.end();
            String phrase = TextNormalizer.normalize(m.group(1)).strip();
            if (phrase.isEmpty()) continue;
            List<Token> tokens = tokens(phrase);
            List<String> lone = new ArrayList<>();
            List<String> phraseTerms = terms(tokens, lone);
            terms.addAll(phraseTerms);
            if (phraseTerms.size() != 1 || !lone.isEmpty() || !phraseTerms.get(0).equals(phrase)) substrings.add(phrase);
        }
        rest.append(q.substring(last));
        for (String chunk : rest.toString().replaceAll("[\"“”「」『』]", " ").split("\\s+")) {
            if (chunk.isEmpty()) continue;
            List<String> lone = new ArrayList<>();
            terms.addAll(terms(tokens(chunk), lone));
            substrings.addAll(lone);
        }
        if (terms.isEmpty()) {
            throw ApiException.badRequest("q", substrings.isEmpty() ? "检索词中没有可检索的词（标点和虚词不参与检索）"
                    : "单字匹配面太广，请输入至少两个字的词，或把单字与其他词组合");
        }
        if (terms.size() > MAX_QUERY_TERMS) throw ApiException.badRequest("q", "检索词最多 " + MAX_QUERY_TERMS + " 个词");
        List<String> highlights = new ArrayList<>(substrings);
        highlights.addAll(terms);
        return new Query(List.copyOf(terms), List.copyOf(substrings), List.copyOf(highlights));
    }

    /** The tokens of a text, in order: dictionary names whole, HanLP words between them, lone characters marked. */
    List<Token> tokens(String text) {
        List<Token> out = new ArrayList<>();
        if (text == null || text.isBlank()) return out;
        String s = TextNormalizer.normalize(text);
        int at = 0;
        for (LongestMatcher.Match<Boolean> m : dictionary.find(s)) {
            segment(s.substring(at, m.begin()), out);
            out.add(new Token(m.key(), false));
            at = m.end();
        }
        segment(s.substring(at), out);
        return out;
    }

    private void segment(String s, List<Token> out) {
        if (s.isBlank()) return;
        for (Term term : segment.get().seg(s)) {
            String word = term.word.strip();
            String nature = term.nature == null ? "" : term.nature.toString();
            if (word.isEmpty() || nature.startsWith("w") || !hasContent(word)) {
                out.add(new Token(" ", true));  // a break: bigrams never span punctuation
                continue;
            }
            if (CoreStopWordDictionary.contains(word)) {
                out.add(new Token(" ", true));
                continue;
            }
            out.add(new Token(word, word.length() == 1));
        }
    }

    /** Index terms of tokens: words of two or more characters, and the bigrams of runs of single characters. */
    static List<String> terms(List<Token> tokens) {
        return terms(tokens, new ArrayList<>());
    }

    /** As {@link #terms(List)}; a lone single character (a run of one) goes to {@code lone}. */
    static List<String> terms(List<Token> tokens, List<String> lone) {
        List<String> out = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        for (Token t : tokens) {
            if (t.single() && !t.text().isBlank()) {
                run.append(t.text());
                continue;
            }
            flush(run, out, lone);
            if (!t.single() && t.text().length() <= MAX_TERM) out.add(t.text());
        }
        flush(run, out, lone);
        return out;
    }

    private static void flush(StringBuilder run, List<String> out, List<String> lone) {
        if (run.length() == 1) lone.add(run.toString());
        for (int i = 0; i + 2 <= run.length(); i++) out.add(run.substring(i, i + 2));
        run.setLength(0);
    }

    private static boolean hasContent(String w) {
        for (int i = 0; i < w.length(); i++) if (Character.isLetterOrDigit(w.charAt(i))) return true;
        return false;
    }
}
