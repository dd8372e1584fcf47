package cn.tingfeng.crawl.parse;

import java.net.URI;
import java.util.Locale;

/**
 * The one rule every parser applies to the links it takes (the import parser's rule): an item's link is an absolute
 * {@code http(s)} URL with a host. Where the format allows relative links (HTML, Atom) they are resolved against the
 * page first; anything else ({@code javascript:}, {@code data:}, {@code mailto:}, a bare number, a scheme-less path in
 * a JSON field) is skipped and reported.
 */
public final class HttpUrls {

    private HttpUrls() {
    }

    /**
     * @param base the page the link was found on (relative links are resolved against it), or null when the format
     *             requires absolute links (JSON fields, sitemaps)
     * @return the absolute http(s) URL, or null when the value is not one
     */
    public static String absolute(String raw, String base) {
        if (raw == null) {
            return null;
        }
        String s = raw.strip();
        if (s.isEmpty() || s.length() > 4096 || s.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return null;
        }
        try {
            URI u = new URI(s.replace(" ", "%20"));
            boolean written = u.isAbsolute();
            if (!written) {
                if (base == null) {
                    return null;
                }
                u = new URI(base).resolve(u);
            }
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null || u.getHost().isBlank()
                    || u.getRawUserInfo() != null) {
                return null;
            }
            return written ? s : u.toString();
        } catch (Exception e) {
            return null;
        }
    }

    /** The reason recorded for a skipped link. */
    public static String reason(String raw) {
        String s = raw == null ? "" : raw.strip();
        return "链接不是 http(s) 绝对地址，已跳过：" + (s.length() > 60 ? s.substring(0, 60) + "…" : s);
    }
}
