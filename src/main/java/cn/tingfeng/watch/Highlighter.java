package cn.tingfeng.watch;

import java.util.List;

/** Marks evidence ranges in a field's original text: HTML-escaped, ranges wrapped in {@code <mark>}. */
public final class Highlighter {

    private Highlighter() {
    }

    public static String highlight(String original, List<Evidence> evidence, Field field) {
        String s = original == null ? "" : original;
        boolean[] marked = new boolean[s.length()];
        for (Evidence e : evidence) {
            if (e.field() == field) {
                for (int i = Math.max(0, e.start()); i < Math.min(s.length(), e.end()); i++) {
                    marked[i] = true;
                }
            }
        }
        StringBuilder b = new StringBuilder(s.length() + 32);
        boolean open = false;
        for (int i = 0; i < s.length(); i++) {
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
                default -> b.append(c);
            }
        }
        if (open) {
            b.append("</mark>");
        }
        return b.toString();
    }
}
