package cn.tingfeng.search;

import java.util.Map;

/** Platforms in Chinese for the page and the exports (an unknown code is shown as it is). */
public final class PlatformLabels {
    private static final Map<String, String> LABELS = Map.ofEntries(Map.entry("web", "网站"), Map.entry("news", "新闻"),
            Map.entry("weibo", "微博"), Map.entry("wechat", "微信"), Map.entry("forum", "论坛"), Map.entry("tieba", "贴吧"),
            Map.entry("douyin", "抖音"), Map.entry("kuaishou", "快手"), Map.entry("video", "视频"), Map.entry("zhihu", "知乎"),
            Map.entry("app", "客户端"), Map.entry("hotline", "热线"), Map.entry("gov", "政务网站"));

    private PlatformLabels() {
    }

    public static String of(String code) {
        return code == null ? "" : LABELS.getOrDefault(code, code);
    }
}
