package cn.tingfeng.crawl.fetch;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;

/**
 * robots.txt per host (scheme, host, port), parsed by crawler-commons and cached for the configured TTL.
 * A missing robots.txt (4xx) allows everything; an unreachable one (5xx, network) disallows everything
 * for a short while (RFC 9309 §2.3.1.4), so that a failing site is not hammered.
 */
final class RobotsCache {

    private record Entry(BaseRobotRules rules, Instant expires) {
    }

    private final Fetcher fetcher;
    private final FetcherConfig config;
    private final Clock clock;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();
    private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser();

    RobotsCache(Fetcher fetcher, FetcherConfig config, Clock clock) {
        this.fetcher = fetcher;
        this.config = config;
        this.clock = clock;
    }

    BaseRobotRules rulesFor(URI url, FetchRequest request) throws InterruptedException {
        String key = Fetcher.hostKey(url);
        Entry e = cache.get(key);
        Instant now = clock.instant();
        if (e != null && now.isBefore(e.expires())) {
            return e.rules();
        }
        URI robotsUrl = url.resolve("/robots.txt");
        FetchRequest r = new FetchRequest(robotsUrl, null, null, null, null, request.privateHost(), Map.of());
        Duration delay = request.delay() != null ? request.delay() : config.defaultDelay();
        FetchResult res = fetcher.fetchRaw(r, delay);
        BaseRobotRules rules;
        Duration ttl = config.robotsTtl();
        if (res.ok()) {
            rules = parser.parseContent(robotsUrl.toString(), res.body(),
                    res.contentType() == null ? "text/plain" : res.contentType(), java.util.List.of(config.robotsAgentName()));
        } else if (res.status() >= 400 && res.status() < 500) {
            rules = new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL);
        } else if (res.outcome() == FetchOutcome.BLOCKED_PRIVATE_ADDRESS) {
            rules = new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_NONE);
        } else {
            rules = new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_NONE);
            ttl = Duration.ofMinutes(10);
        }
        cache.put(key, new Entry(rules, now.plus(ttl)));
        return rules;
    }
}
