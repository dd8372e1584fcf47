package cn.tingfeng.incident.group;

import java.time.Instant;

/** A post as the grouper sees it. {@code source} is the site or account, for spread statistics. */
public record GroupPost(String postId, String title, String text, Instant publishedAt, String source) {
}
