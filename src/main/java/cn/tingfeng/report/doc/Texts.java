package cn.tingfeng.report.doc;

import java.net.URI;

/** Text taken from records (often crawled, hostile) made safe for every output format. */
public final class Texts {
    private Texts() {
    }

    /**
     * Removes what XML 1.0 cannot carry (control characters other than tab and line breaks, lone surrogates,
     * U+FFFE/U+FFFF) so that no recorded text can break the .docx or the PDF; null becomes "". Markup characters stay:
     * the HTML template escapes them and the other formats carry them as text.
     */
    public static String clean(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                b.append(c).append(s.charAt(++i));
            } else if (c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c < 0xD800) || (c >= 0xE000 && c <= 0xFFFD)) {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** The address when it is an absolute http(s) URL, otherwise null (never a javascript: or data: link). */
    public static String httpUrl(String url) {
        if (url == null) return null;
        try {
            URI u = new URI(url.strip());
            String scheme = u.getScheme();
            return scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https")) && u.getHost() != null
                    ? clean(url.strip()) : null;
        } catch (Exception e) {
            return null;
        }
    }
}
