package cn.tingfeng.incident.assess;

import java.time.Instant;

/** One post of an incident, as spread and heat see it: when, which source (site/account), which platform. */
public record SpreadPost(Instant publishedAt, String source, String platform) {
}
