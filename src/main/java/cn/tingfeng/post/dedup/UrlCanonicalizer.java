package cn.tingfeng.post.dedup;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Canonical form of a post URL for exact de-duplication: lower-case scheme and host, no default port,
 * no fragment, tracking parameters removed (utm_*, spm, from, share ...), remaining parameters sorted,
 * "http" and "https" treated alike, a trailing slash on the path removed.
 */
public final class UrlCanonicalizer {

    private static final Set<String> TRACKING = Set.of("spm", "from", "share_from", "share_token", "sharer",
            "share_source", "share_medium", "isappinstalled", "scene", "clicktime", "enterid", "timestamp",
            "wfr", "fr", "ref", "source", "src", "track_id", "tt_from", "utm", "vd_source", "_t", "t");

    private UrlCanonicalizer() {
    }

    /** The canonical URL; the trimmed input itself when it is not an absolute http(s) URL. */
    public static String canonicalize(String url) {
        if (url == null) {
            return "";
        }
        String u = url.trim();
        URI uri;
        try {
            uri = new URI(u);
        } catch (URISyntaxException e) {
            return u;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getRawAuthority() == null) {
            return u;
        }
        String host = uri.getHost() == null ? uri.getRawAuthority().toLowerCase(Locale.ROOT)
                : uri.getHost().toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        int port = uri.getPort();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        List<String> params = new ArrayList<>();
        if (uri.getRawQuery() != null) {
            for (String p : uri.getRawQuery().split("&")) {
                if (p.isEmpty()) {
                    continue;
                }
                String name = p.split("=", 2)[0].toLowerCase(Locale.ROOT);
                if (name.startsWith("utm_") || TRACKING.contains(name)) {
                    continue;
                }
                params.add(p);
            }
        }
        params.sort(null);
        StringBuilder b = new StringBuilder("http://").append(host);
        if (port > 0 && port != 80 && port != 443) {
            b.append(':').append(port);
        }
        b.append(path);
        if (!params.isEmpty()) {
            b.append('?').append(String.join("&", params));
        }
        return b.toString();
    }
}
