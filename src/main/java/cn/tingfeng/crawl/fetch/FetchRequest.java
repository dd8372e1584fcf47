package cn.tingfeng.crawl.fetch;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * One page to fetch.
 *
 * @param etag                validator from the previous fetch (conditional GET), or null
 * @param lastModified        Last-Modified from the previous fetch, or null
 * @param delay               per-source politeness delay overriding the default, or null
 * @param robotsOverrideReason when non-blank, robots.txt is not consulted (the written reason is required)
 * @param allowPrivateNetwork loopback/private addresses allowed (tests and explicitly configured sources only)
 * @param headers             extra request headers (e.g. an API's Authorization)
 */
public record FetchRequest(URI url, String etag, String lastModified, Duration delay, String robotsOverrideReason,
                           boolean allowPrivateNetwork, Map<String, String> headers) {

    public FetchRequest {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public static FetchRequest of(URI url) {
        return new FetchRequest(url, null, null, null, null, false, Map.of());
    }

    public FetchRequest allowingPrivateNetwork() {
        return new FetchRequest(url, etag, lastModified, delay, robotsOverrideReason, true, headers);
    }

    public FetchRequest conditional(String etag, String lastModified) {
        return new FetchRequest(url, etag, lastModified, delay, robotsOverrideReason, allowPrivateNetwork, headers);
    }

    public FetchRequest withHeaders(Map<String, String> h) {
        return new FetchRequest(url, etag, lastModified, delay, robotsOverrideReason, allowPrivateNetwork, h);
    }

    public FetchRequest withDelay(Duration d) {
        return new FetchRequest(url, etag, lastModified, d, robotsOverrideReason, allowPrivateNetwork, headers);
    }

    public FetchRequest ignoringRobots(String reason) {
        return new FetchRequest(url, etag, lastModified, delay, reason, allowPrivateNetwork, headers);
    }

    public FetchRequest withUrl(URI u) {
        return new FetchRequest(u, etag, lastModified, delay, robotsOverrideReason, allowPrivateNetwork, headers);
    }
}
