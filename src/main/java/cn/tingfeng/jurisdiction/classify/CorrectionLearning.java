package cn.tingfeng.jurisdiction.classify;

import cn.tingfeng.jurisdiction.ResponsibilityClassifier;
import cn.tingfeng.jurisdiction.duty.DutyLexicon;
import cn.tingfeng.jurisdiction.place.Gazetteer;
import cn.tingfeng.shared.text.TextNormalizer;
import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.stopword.CoreStopWordDictionary;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Pure rules of what a corrected post teaches beyond moving known words (segmented with HanLP):
 * <ul>
 *   <li>{@link #newTerms}: words of the post the duty lexicon does not know at all — nouns and verbal nouns of
 *       two to six characters, not place names, not stop words or the generic words of every letter — ranked
 *       title first, then the request sentences, then frequency; they become "new word → corrected category"
 *       weights for the administrator to review;</li>
 *   <li>{@link #unknownPlaces}: names of estates, villages, roads, schools, markets, companies … ("幸福家园小区",
 *       "王庄村", "朝晖路") the gazetteer does not know; after a territory correction they become proposed
 *       aliases of the corrected county.</li>
 * </ul>
 */
public final class CorrectionLearning {
    /** At most this many new words are taken from one corrected post. */
    static final int MAX_NEW_TERMS = 4;
    /** At most this many unknown place names are taken from one corrected post. */
    static final int MAX_PLACES = 3;

    /** Generic words of citizens' letters that say nothing about the competent department. */
    private static final Set<String> GENERIC = Set.of("问题", "情况", "部门", "政府", "领导", "相关部门", "有关部门", "时候", "时间", "事情", "地方",
            "群众", "老百姓", "市民", "居民", "村民", "家人", "孩子", "老人", "父母", "我们", "大家", "你们", "他们", "现在", "以前", "今年", "去年",
            "我家", "我们家", "咱们", "说法", "办法", "结果", "希望", "要求", "反映", "投诉", "建议", "请求", "解决", "处理", "回复", "电话", "工作人员", "人员", "单位", "公司",
            "东西", "样子", "原因", "方面", "程度", "影响", "生活", "情况下", "一下", "一点", "多次", "很多", "好几", "谢谢", "您好", "尊敬");
    /** Endings of place names residents use; 小区 / 社区 are dropped from the proposed alias ("幸福家园小区" → "幸福家园"). */
    private static final List<String> PLACE_ENDINGS = List.of("小区", "社区", "花园", "家园", "新村", "新城", "公寓", "嘉园", "名苑", "雅苑", "华庭",
            "苑", "村", "组", "路", "大道", "街", "巷", "农贸市场", "市场", "广场", "商场", "中学", "小学", "幼儿园", "医院", "卫生院", "工业园",
            "公司", "厂");
    private static final Pattern HAN = Pattern.compile("[\\u4e00-\\u9fa5]+");
    /** Parts of speech that end a name when reading backwards from its ending (pronouns, verbs, particles …). */
    private static final Pattern STOP_NATURE = Pattern.compile("[rvupcdfweyo]");
    private static final Pattern NOT_A_NAME = Pattern.compile("某|这|那|我|你|他|她|附近|周边|一个|一家|一所|一条|门口|旁边|对面|县城|镇上|村里|市区|城区|老");

    private static final ThreadLocal<Segment> SEGMENT = ThreadLocal.withInitial(() -> HanLP.newSegment().enablePlaceRecognize(true)
            .enableOrganizationRecognize(false).enableNameRecognize(true));

    private CorrectionLearning() {
    }

    /** New duty words for {@code rightCategory} from a corrected post, strongest evidence first. */
    public static List<String> newTerms(ResponsibilityClassifier classifier, String title, String text) {
        DutyLexicon lexicon = classifier.lexicon();
        Gazetteer places = classifier.gazetteer();
        String t = TextNormalizer.normalize(title == null ? "" : title);
        String b = TextNormalizer.normalize(text == null ? "" : text);
        Map<String, Double> score = new LinkedHashMap<>();
        collect(t, 3.0, score);
        for (String sentence : b.split("[。！？；!?;\\n]")) {
            boolean request = sentence.matches(".*(希望|请求|恳请|请|建议|要求|投诉|举报|反映).*");
            collect(sentence, request ? 1.5 : 1.0, score);
        }
        List<Map.Entry<String, Double>> ranked = new ArrayList<>(score.entrySet());
        ranked.sort(Map.Entry.<String, Double>comparingByValue().reversed());
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Double> e : ranked) {
            if (out.size() == MAX_NEW_TERMS) break;
            String w = e.getKey();
            if (lexicon.knows(w) || places.knows(w) || !places.analyze(w).mentions().isEmpty()) continue;
            out.add(w);
        }
        return out;
    }

    private static void collect(String s, double weight, Map<String, Double> score) {
        if (s.isBlank()) return;
        for (Term term : SEGMENT.get().seg(s)) {
            String w = term.word.strip();
            String nature = term.nature == null ? "" : term.nature.toString();
            boolean noun = nature.equals("n") || nature.equals("nz") || nature.equals("vn") || nature.equals("nl") || nature.equals("gi")
                    || nature.equals("gm") || nature.equals("nnt") || nature.equals("nf");
            if (!noun || w.length() < 2 || w.length() > 6 || !HAN.matcher(w).matches()) continue;
            if (GENERIC.contains(w) || CoreStopWordDictionary.contains(w)) continue;
            score.merge(w, weight, Double::sum);
        }
    }

    /** Place names of the post (estates, villages, roads, schools …) that the gazetteer does not know, in text order. */
    public static List<String> unknownPlaces(Gazetteer gazetteer, String title, String text) {
        String s = TextNormalizer.normalize((title == null ? "" : title) + "。" + (text == null ? "" : text));
        Set<String> out = new LinkedHashSet<>();
        List<Term> terms = SEGMENT.get().seg(s);
        for (int i = 0; i < terms.size() && out.size() < MAX_PLACES; i++) {
            String w = terms.get(i).word.strip();
            String ending = ending(w);
            if (ending == null) continue;
            String name;
            if (w.length() > ending.length() && w.length() >= 3) {
                name = w;                                        // HanLP kept it whole: 王庄村, 朝晖路
            } else {
                StringBuilder b = new StringBuilder();           // 幸福 + 家园 + 小区, 翠湖 + 名 + 邸 + 小区
                for (int k = i - 1; k >= 0 && k >= i - 4; k--) {
                    Term p = terms.get(k);
                    String nature = p.nature == null ? "" : p.nature.toString();
                    if (!HAN.matcher(p.word).matches() || STOP_NATURE.matcher(nature).lookingAt() || GENERIC.contains(p.word)
                            || NOT_A_NAME.matcher(p.word).find() || b.length() + p.word.length() > 6) break;
                    b.insert(0, p.word);
                }
                if (b.length() < 2) continue;
                name = b + w;
            }
            if (name.endsWith("小区") || name.endsWith("社区")) name = name.substring(0, name.length() - 2);
            if (name.length() < 2 || name.length() > 12 || NOT_A_NAME.matcher(name).find()) continue;
            if (!gazetteer.analyze(name).mentions().isEmpty()) continue; // known, or contains a known place
            out.add(name);
        }
        return List.copyOf(out);
    }

    private static String ending(String w) {
        for (String e : PLACE_ENDINGS) if (w.endsWith(e)) return e;
        return null;
    }
}
