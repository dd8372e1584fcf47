package cn.tingfeng.tracking;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kind of channel a response was published on, as the government-information-disclosure annual report counts
 * them (回应解读情况): on-line interviews, policy interpretation articles, Weibo/WeChat, other channels. The free-text
 * {@code channel} of a response stays as entered; this is its classification, chosen on the form or inferred.
 */
public enum ResponseChannel {
    WEBSITE("website", "政府网站"),
    WEIBO("weibo", "政务微博"),
    WECHAT("wechat", "政务微信"),
    INTERVIEW("interview", "政府网站在线访谈"),
    INTERPRETATION("interpretation", "政策解读稿件"),
    MEDIA("media", "新闻媒体"),
    OTHER("other", "其他");

    private final String code;
    private final String label;

    ResponseChannel(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static Optional<ResponseChannel> ofCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
    }

    /** A best guess from the free-text channel ("政务微博", "微信公众号", "在线访谈" …); {@link #OTHER} when unclear. */
    public static ResponseChannel infer(String channel) {
        if (channel == null) return OTHER;
        String c = channel.toLowerCase();
        if (c.contains("访谈")) return INTERVIEW;
        if (c.contains("解读")) return INTERPRETATION;
        if (c.contains("微博") || c.contains("weibo")) return WEIBO;
        if (c.contains("微信") || c.contains("公众号") || c.contains("wechat")) return WECHAT;
        if (c.contains("网站") || c.contains("网") && c.contains("政府")) return WEBSITE;
        if (c.contains("报") || c.contains("电视") || c.contains("广播") || c.contains("媒体")) return MEDIA;
        return OTHER;
    }
}
