package cn.tingfeng.crawl.fetch;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * One page to fetch.
 *
 * @param etag                 validator from the previous fetch (conditional GET), or null
 * @param lastModified         Last-Modified from the previous fetch, or null
 * @param delay                per-source politeness delay overriding the default, or null
 * @param robotsOverrideReason when non-blank, robots.txt is not consulted (the written reason is required)
 * @param privateHost          the one destination ({@link #hostPort(URI) host:port}) allowed on loopback/private
 *                             addresses: the own host of a source with {@code allowPrivateNetwork}; null: none. Every
 *                             other host, link and redirect still goes through the guard
 * @param headers              extra request headers (e.g. an API's Authorization)
 */
public record FetchRequest(URI url, String etag, String lastModified, Duration delay, String robotsOverrideReason,
                           String privateHost, Map<String, String> headers) {

    public FetchRequest {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public static FetchRequest of(URI url) {
        return new FetchRequest(url, null, null, null, null, null, Map.of());
    }

    /** {@code host:port} with the scheme's default port filled in, lower case: the unit of the private exemption. */
    public static String hostPort(URI u) {
        if (u == null || u.getHost() == null) {
            return null;
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        int port = u.getPort() > 0 ? u.getPort() : scheme.equals("https") ? 443 : 80;
        return u.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }

    /** Whether {@code u} is the exempted private destination. */
    public boolean privateAllowedFor(URI u) {
        return privateHost != null && privateHost.equals(hostPort(u));
    }

    /** Exempts this request's own host and port (only that one) from the private-address refusal. */
    public FetchRequest allowingPrivateNetwork() {
        return allowingPrivateHost(url);
    }

    /** Exempts {@code origin}'s host and port (a source's own URL) from the private-address refusal. */
    public FetchRequest allowingPrivateHost(URI origin) {
        return new FetchRequest(url, etag, lastModified, delay, robotsOverrideReason, hostPort(origin), headers);
    }

    public FetchRequest conditional(String etag, String lastModified) {
        return new FetchRequest(url, etag, lastModified, delay, robotsOverrideReason, privateHost, headers);
    }

    public FetchRequest withHeaders(Map<String, String> h) {
        return new FetchRequest(url, etag, lastModified, delay, robotsOverrideReason, privateHost, h);
    }

    public FetchRequest withDelay(Duration d) {
        return new FetchRequest(url, etag, lastModified, d, robotsOverrideReason, privateHost, headers);
    }

    public FetchRequest ignoringRobots(String reason) {
        return new FetchRequest(url, etag, lastModified, delay, reason, privateHost, headers);
    }

    public FetchRequest withUrl(URI u) {
        return new FetchRequest(u, etag, lastModified, delay, robotsOverrideReason, privateHost, headers);
    }
}
