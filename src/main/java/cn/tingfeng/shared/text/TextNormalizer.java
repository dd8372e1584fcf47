package cn.tingfeng.shared.text;

import com.hankcs.hanlp.HanLP;

/**
 * Character-by-character normalisation used by matching, de-duplication and grouping: full-width to
 * half-width, the ideographic space to a space, every whitespace to a space, case folding and
 * traditional to simplified characters (HanLP's table, applied per character).
 *
 * <p>The output has exactly the length of the input, so a position in the normalised text is the same
 * position in the original text (used for highlighting the evidence of a match).
 */
public final class TextNormalizer {

    private static final char[] TABLE = buildTable();

    private TextNormalizer() {
    }

    /** Normalises one character. */
    public static char normalize(char c) {
        return TABLE[c];
    }

    /** Normalises a string; same length as the input; null becomes "". */
    public static String normalize(CharSequence s) {
        if (s == null) {
            return "";
        }
        int n = s.length();
        char[] out = new char[n];
        for (int i = 0; i < n; i++) {
            out[i] = TABLE[s.charAt(i)];
        }
        return new String(out);
    }

    /** Normalises into {@code out} starting at {@code offset}; returns the offset after the last char. */
    public static int normalizeInto(CharSequence s, char[] out, int offset) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            out[offset + i] = TABLE[s.charAt(i)];
        }
        return offset + n;
    }

    /**
     * The normalised text reduced to its content characters: letters, digits and ideographs (whitespace,
     * punctuation and symbols dropped). Used for content hashes and shingles.
     */
    public static String contentChars(CharSequence s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = TABLE[s.charAt(i)];
            if (isContentChar(c)) {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** Letters (including ideographs) and digits; surrogates count as content. */
    public static boolean isContentChar(char c) {
        return Character.isLetterOrDigit(c) || Character.isSurrogate(c);
    }

    private static char[] buildTable() {
        char[] t = new char[Character.MAX_VALUE + 1];
        for (int i = 0; i <= Character.MAX_VALUE; i++) {
            char c = (char) i;
            if (c >= '\uFF01' && c <= '\uFF5E') {
                c = (char) (c - 0xFEE0); // full-width ASCII
            } else if (c == '\u3000' || c == '\u00A0' || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                c = ' ';
            }
            if (c < 128) {
                if (c >= 'A' && c <= 'Z') {
                    c = (char) (c + 32);
                }
            } else if (!Character.isSurrogate(c) && Character.isUpperCase(c)) {
                char lower = Character.toLowerCase(c);
                if (Character.toUpperCase(lower) == c) {
                    c = lower;
                }
            }
            t[i] = c;
        }
        // traditional -> simplified, one character at a time (CJK unified ideographs and extension A)
        for (int i = 0x3400; i <= 0x9FFF; i++) {
            String r = HanLP.convertToSimplifiedChinese(String.valueOf((char) i));
            if (r != null && r.length() == 1) {
                t[i] = r.charAt(0);
            }
        }
        return t;
    }
}
