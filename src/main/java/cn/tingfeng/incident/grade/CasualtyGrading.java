package cn.tingfeng.incident.grade;

import cn.tingfeng.shared.Grade;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads deaths and serious injuries from Chinese text (digits and Chinese numerals: 3人死亡, 造成三人遇难,
 * 死亡12人, 致10人重伤, 3死2伤, 十余人遇难, 暂无人员伤亡) and maps them to the national accident thresholds
 * of DOMAIN.md: deaths ≥30 → I, 10–29 → II, 3–9 → III, &lt;3 → IV; serious injuries ≥100 → I, 50–99 → II,
 * 10–49 → III, &lt;10 → IV; the more serious wins. Empty when the text does not fix the grade (no
 * casualty figures, or only vague ones such as 多人受伤). Stateless and thread-safe.
 */
public final class CasualtyGrading {

    private static final String NUM = "([0-9０-９]+|[零〇一二两三四五六七八九十百千]+)";
    private static final String QUALIFIED = "(数|几|上|近)?" + NUM + "?(余|多)?";
    private static final String CLASSIFIER = "(?:名|人|位|具|个)";
    private static final String GAP = "[^，。；！？,;.!?：:、\\s0-9０-９零〇一二两三四五六七八九十百千伤]{0,10}?";
    private static final String DEATH = "(?:死亡|遇难|罹难|身亡|丧生|溺亡|溺水身亡|殒命|不幸离世|被烧死|窒息死亡|当场死亡|经抢救无效死亡)";

    private static final Pattern DEATH_BEFORE = Pattern.compile(QUALIFIED + CLASSIFIER + GAP + DEATH);
    private static final Pattern DEATH_AFTER = Pattern.compile(
            "(?:死亡|遇难|罹难|身亡|丧生)(?:人数)?(?:已)?(?:上升|升|增加|增|攀升)?(?:至|到|达)?" + QUALIFIED + CLASSIFIER);
    private static final Pattern DEATH_SHORT = Pattern.compile(NUM + "死" + "(?:" + NUM + "(?:伤|重伤))?");
    private static final Pattern SERIOUS_BEFORE = Pattern.compile(QUALIFIED + CLASSIFIER + "[^，。；！？,;.!?、\\s0-9０-９]{0,6}?(?:重伤|伤势严重|伤势较重|危重)");
    private static final Pattern SERIOUS_AFTER = Pattern.compile("(?:重伤|危重)" + QUALIFIED + CLASSIFIER);
    private static final Pattern INJURY_BEFORE = Pattern.compile(QUALIFIED + CLASSIFIER + "[^，。；！？,;.!?、\\s0-9０-９]{0,6}?(?:受伤|轻伤|擦伤|轻微伤|伤)");
    private static final Pattern INJURY_AFTER = Pattern.compile("(?:受伤|伤者|伤员)(?:人数)?(?:达|为|至)?" + QUALIFIED + CLASSIFIER);
    private static final Pattern NO_CASUALTY = Pattern.compile(
            "(?:暂无|暂未|尚无|均无|并无|无|没有|未造成|未有|未发生|未出现|不存在)(?:发现|造成)?(?:人员)?(?:伤亡|死亡|遇难)"
                    + "|无人(?:员)?(?:伤亡|死亡|遇难|受伤)|(?:均|全部)(?:已)?(?:安全|平安)(?:撤离|获救|转移|救下|脱险)|均无大碍|安然无恙");

    /** Reads the text (title and body may be joined) and returns the grade it fixes, if any. */
    public Optional<CasualtyAssessment> assess(String text) {
        if (text == null || text.isBlank()) return Optional.empty();
        // Every pattern needs one of these characters: one pass over the text spares the regexes most posts.
        boolean deathWords = false;
        boolean injuryWords = false;
        boolean safeWords = false;
        for (int i = 0; i < text.length(); i++) {
            switch (text.charAt(i)) {
                case '死', '亡', '难', '丧', '殒', '离' -> deathWords = true;
                case '伤', '危' -> injuryWords = true;
                case '安', '碍' -> safeWords = true;
                default -> { }
            }
        }
        if (!deathWords && !injuryWords && !safeWords) return Optional.empty();
        int deaths = -1;
        if (deathWords) {
            deaths = Math.max(max(DEATH_BEFORE, text, -1), max(DEATH_AFTER, text, -1));
            Matcher shortForm = DEATH_SHORT.matcher(text);
            while (shortForm.find()) {
                int d = ChineseNumbers.parse(shortForm.group(1));
                if (d >= 0) deaths = Math.max(deaths, d);
            }
        }
        int serious = injuryWords ? Math.max(max(SERIOUS_BEFORE, text, -1), max(SERIOUS_AFTER, text, -1)) : -1;
        int injuries = injuryWords ? Math.max(max(INJURY_BEFORE, text, -1), max(INJURY_AFTER, text, -1)) : -1;
        boolean none = NO_CASUALTY.matcher(text).find();

        if (deaths < 0 && serious < 0) {
            if (none && injuries < 0) return Optional.of(new CasualtyAssessment(Grade.IV, 0, 0, 0, "文中称无人员伤亡，按事故分级标准为IV级（一般）"));
            if (injuries >= 0 && injuries < 10)
                return Optional.of(new CasualtyAssessment(Grade.IV, 0, null, injuries, "文中仅有" + injuries + "人受伤、无死亡，重伤不足10人，为IV级（一般）"));
            return Optional.empty();
        }
        Grade byDeaths = deaths < 0 ? null : deaths >= 30 ? Grade.I : deaths >= 10 ? Grade.II : deaths >= 3 ? Grade.III : Grade.IV;
        Grade bySerious = serious < 0 ? null : serious >= 100 ? Grade.I : serious >= 50 ? Grade.II : serious >= 10 ? Grade.III : Grade.IV;
        Grade grade = Grade.max(byDeaths, bySerious);
        // a small death toll with unknown serious injuries among many injured does not fix the grade
        if (grade == Grade.IV && serious < 0 && injuries >= 10) return Optional.empty();
        StringBuilder reason = new StringBuilder("文中");
        if (deaths >= 0) reason.append("死亡").append(deaths).append("人");
        if (serious >= 0) reason.append(deaths >= 0 ? "、" : "").append("重伤").append(serious).append("人");
        reason.append("，按死亡≥30人为I级、10–29人为II级、3–9人为III级、3人以下为IV级（重伤≥100、50–99、10–49、10人以下）的标准，定为")
                .append(grade.name()).append("级（").append(grade.label()).append("）");
        return Optional.of(new CasualtyAssessment(grade, deaths < 0 ? null : deaths, serious < 0 ? null : serious,
                injuries < 0 ? null : injuries, reason.toString()));
    }

    /** The largest count found by the pattern (group 1 qualifier, 2 number, 3 余/多), or {@code dflt}. */
    private static int max(Pattern p, String text, int dflt) {
        int best = dflt;
        Matcher m = p.matcher(text);
        while (m.find()) {
            int v = count(m.group(1), m.group(2), m.group(3));
            if (v >= 0) best = Math.max(best, v);
        }
        return best;
    }

    /** Lower bound of a qualified count: 数十 → 20, 十余 → 11, 上百 → 100, 近百 → 90; -1 if vague (多人). */
    static int count(String qualifier, String number, String more) {
        if (number == null) return -1;
        int n = ChineseNumbers.parse(number);
        if (n < 0) return -1;
        if (qualifier != null) {
            switch (qualifier) {
                case "数": case "几": return n >= 10 ? 2 * n : -1;
                case "近": return n >= 10 ? n * 9 / 10 : n;
                default: break;
            }
        }
        return more != null ? n + 1 : n;
    }
}
