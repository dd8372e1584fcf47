package cn.tingfeng.post;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One canonical form per page, the key of a post: lower-case scheme and host, default port and fragment
 * dropped, empty path made "/", dot segments resolved, tracking parameters (utm_*, spm, from, …) removed,
 * remaining parameters sorted.
 */
public final class UrlCanonicalizer {

    private static final Set<String> TRACKING = Set.of("spm", "from", "source", "src", "ref", "referer", "share_token",
            "share_from", "sharesource", "wfr", "isappinstalled", "scene", "clicktime", "enterid", "gclid", "fbclid",
            "msclkid", "yclid", "igshid", "mpshare", "srcid", "timestamp", "_t", "ts", "tt_from", "app", "share_type",
            "sharer_sharetime", "sharer_shareid", "subscene", "vd_source", "xhsshare", "appuid", "apptime",
            "share_medium", "share_plat", "share_source", "bbid", "from_source", "wechat_source", "chksm", "sessionid", "sharer", "fr", "track_id", "utm");
    private static final Pattern TRACKING_PREFIX = Pattern.compile("(?i)^(utm_|hmsr|hmpl|hmcu|hmkw|hmci|pk_|mtm_|_hs).*");

    private UrlCanonicalizer() {
    }

    /**
     * The canonical URL (a key, not an address to fetch: the scheme is folded to http, default ports, fragments,
     * tracking parameters and a trailing slash are dropped, parameters sorted), or the trimmed input when it is not a parseable absolute http(s) URL. */
    public static String canonicalize(String url) {
        if (url == null) {
            return null;
        }
        String trimmed = url.strip();
        try {
            URI u = new URI(trimmed.replace(" ", "%20"));
            if (u.getScheme() == null || u.getHost() == null) {
                return trimmed;
            }
            String scheme = u.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return trimmed;
            }
            String host = u.getHost().toLowerCase(Locale.ROOT);
            if (host.endsWith(".")) {
                host = host.substring(0, host.length() - 1);
            }
            int port = u.getPort();
            if ((scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443)) {
                port = -1;
            }
            String path = u.normalize().getRawPath();
            if (path == null || path.isEmpty()) {
                path = "/";
            }
            if (path.length() > 1 && path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            String query = canonicalQuery(u.getRawQuery());
            // http and https name the same page for de-duplication: the key always says http.
            StringBuilder b = new StringBuilder("http://").append(host);
            if (port != -1) {
                b.append(':').append(port);
            }
            b.append(path);
            if (!query.isEmpty()) {
                b.append('?').append(query);
            }
            return b.toString();
        } catch (URISyntaxException e) {
            return trimmed;
        }
    }

    private static String canonicalQuery(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String key = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
            String k = key.toLowerCase(Locale.ROOT);
            if (TRACKING.contains(k) || TRACKING_PREFIX.matcher(k).matches()) {
                continue;
            }
            kept.add(pair);
        }
        kept.sort(null);
        return String.join("&", kept);
    }
}
