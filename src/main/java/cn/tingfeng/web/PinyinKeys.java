package cn.tingfeng.web;

import com.hankcs.hanlp.HanLP;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a unit picker matches besides the Chinese name: the pinyin initials ({@code 灌云县教育局} → {@code gyxjyj}) and
 * the full pinyin without tones ({@code guanyunxianjiaoyuju}), lower case — how clerks type a unit they know.
 */
final class PinyinKeys {
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private PinyinKeys() {
    }

    static String of(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        return CACHE.computeIfAbsent(name, n -> {
            String initials = HanLP.convertToPinyinFirstCharString(n, "", false).toLowerCase(Locale.ROOT);
            String full = HanLP.convertToPinyinString(n, "", false).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
            return initials + " " + full;
        });
    }
}
