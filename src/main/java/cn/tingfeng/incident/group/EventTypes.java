package cn.tingfeng.incident.group;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Kinds of happening named in a text (fire, explosion, wage arrears ...), from trigger words. Two posts
 * that both name kinds of happening but share none are about different happenings, however alike their
 * place and subject.
 */
public final class EventTypes {

    private static final Map<String, List<String>> TRIGGERS = Map.ofEntries(
            Map.entry("fire", List.of("起火", "火灾", "着火", "失火", "大火", "燃烧", "浓烟", "火情", "烧毁")),
            Map.entry("explosion", List.of("爆炸", "爆燃", "闪爆", "巨响")),
            Map.entry("leak", List.of("泄漏", "泄露", "毒气", "有毒气体")),
            Map.entry("collapse", List.of("坍塌", "倒塌", "塌陷", "垮塌", "塌方")),
            Map.entry("traffic", List.of("车祸", "相撞", "追尾", "侧翻", "撞车", "交通事故", "碾压", "撞倒")),
            Map.entry("drowning", List.of("溺亡", "溺水", "落水")),
            Map.entry("wages", List.of("欠薪", "拖欠工资", "讨薪", "未发工资", "不发工资", "工资", "薪水", "工钱")),
            Map.entry("pollution", List.of("污染", "异味", "偷排", "排污", "扬尘", "黑烟", "臭味", "刺鼻", "污水", "煤灰")),
            Map.entry("food", List.of("食物中毒", "食品安全", "变质", "老鼠", "蟑螂", "后厨", "过期食品")),
            Map.entry("violence", List.of("打人", "殴打", "斗殴", "持刀", "伤人", "砍人", "围殴", "霸凌")),
            Map.entry("building", List.of("违建", "违规加盖", "烂尾", "裂缝", "漏水", "交房", "违章建筑")),
            Map.entry("price", List.of("涨价", "宰客", "乱收费", "收购价", "压价", "天价")),
            Map.entry("overload", List.of("超载", "超员")),
            Map.entry("weather", List.of("暴雨", "台风", "内涝", "大风", "暴雪", "冰雹", "预警", "洪水")),
            Map.entry("disease", List.of("疫情", "感染", "病害", "赤霉病", "传染", "发病")),
            Map.entry("breakdown", List.of("被困", "故障", "停运", "停水", "停电", "停气")),
            Map.entry("fraud", List.of("诈骗", "骗局", "集资", "爆雷", "跑路", "卷款")),
            Map.entry("gathering", List.of("聚集", "上访", "堵路", "拉横幅", "静坐")),
            Map.entry("road", List.of("坑洼", "路面破损", "道路破损", "泥泞难行")),
            Map.entry("policy", List.of("下调", "上调", "新规", "推行", "调整", "通知")));

    private static final AhoCorasickDoubleArrayTrie<String> TRIE = build();

    private EventTypes() {
    }

    private static AhoCorasickDoubleArrayTrie<String> build() {
        TreeMap<String, String> dict = new TreeMap<>();
        TRIGGERS.forEach((kind, words) -> words.forEach(w -> dict.put(w, kind)));
        AhoCorasickDoubleArrayTrie<String> t = new AhoCorasickDoubleArrayTrie<>();
        t.build(dict);
        return t;
    }

    /** Kinds of happening named in the (normalised) text. */
    public static Set<String> of(String normalisedText) {
        Set<String> out = new LinkedHashSet<>();
        if (normalisedText != null && !normalisedText.isEmpty()) {
            TRIE.parseText(normalisedText, (AhoCorasickDoubleArrayTrie.IHit<String>) (b, e, kind) -> out.add(kind));
        }
        return out;
    }
}
