package cn.tingfeng.search;

import cn.tingfeng.shared.text.TextNormalizer;
import java.util.List;

/**
 * Escaped HTML with the hits in {@code <mark>}: the crawled text is escaped character by character and only the
 * characters of a hit are wrapped, so nothing of the text can ever become markup. Hits are found in the normalised
 * text ({@link TextNormalizer} keeps positions), so 繁體 or full-width forms are marked too. Pure.
 */
public final class Snippets {
    /** Characters of body shown around the first hit. */
    public static final int WINDOW = 140;
    private static final int BEFORE = 30;

    private Snippets() {
    }

    /** The whole (short) text, escaped, hits marked. */
    public static String mark(String text, List<String> hits) {
        String s = text == null ? "" : text;
        return html(s, marks(s, hits), 0, s.length());
    }

    /** A window of the body around the first hit (the start when none), escaped, hits marked, … where cut. */
    public static String snippet(String body, List<String> hits) {
        String s = body == null ? "" : body.strip();
        boolean[] marked = marks(s, hits);
        int first = 0;
        while (first < s.length() && !marked[first]) first++;
        if (first == s.length()) first = 0;
        int from = Math.max(0, first - BEFORE);
        int to = Math.min(s.length(), from + WINDOW);
        from = Math.max(0, Math.min(from, to - WINDOW));
        return (from > 0 ? "…" : "") + html(s, marked, from, to) + (to < s.length() ? "…" : "");
    }

    /** The text without markup, for exports: a window of the body around the first hit. */
    public static String plain(String body, List<String> hits) {
        String html = snippet(body, hits);
        return html.replace("<mark>", "").replace("</mark>", "").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }

    static boolean[] marks(String s, List<String> hits) {
        boolean[] marked = new boolean[s.length()];
        String n = TextNormalizer.normalize(s);
        for (String h : hits) {
            if (h == null || h.isEmpty()) continue;
            for (int i = n.indexOf(h); i >= 0; i = n.indexOf(h, i + h.length())) {
                for (int k = i; k < i + h.length(); k++) marked[k] = true;
            }
        }
        return marked;
    }

    private static String html(String s, boolean[] marked, int from, int to) {
        StringBuilder b = new StringBuilder((to - from) + 32);
        boolean open = false;
        for (int i = from; i < to; i++) {
            if (marked[i] != open) {
                b.append(open ? "</mark>" : "<mark>");
                open = marked[i];
            }
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                case '\n', '\r', '\t' -> b.append(' ');
                default -> b.append(c);
            }
        }
        if (open) b.append("</mark>");
        return b.toString();
    }
}
