package cn.tingfeng.jurisdiction;

import cn.tingfeng.incident.grade.CasualtyAssessment;
import cn.tingfeng.incident.grade.CasualtyGrading;
import cn.tingfeng.jurisdiction.data.DutyFile;
import cn.tingfeng.jurisdiction.data.JurisdictionLoader;
import cn.tingfeng.jurisdiction.duty.CategoryScore;
import cn.tingfeng.jurisdiction.duty.DutyClassifier;
import cn.tingfeng.jurisdiction.duty.DutyLexicon;
import cn.tingfeng.jurisdiction.duty.DutyResult;
import cn.tingfeng.jurisdiction.place.Gazetteer;
import cn.tingfeng.jurisdiction.place.Mention;
import cn.tingfeng.jurisdiction.place.PlaceAnalysis;
import cn.tingfeng.jurisdiction.place.PlaceKind;
import cn.tingfeng.shared.Grade;
import cn.tingfeng.shared.text.TextNormalizer;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Proposes who must respond to a post under Art. 19 of the Nantong rules (属地管理、分级负责；谁主管、谁负责):
 * <ul>
 *   <li>city-managed entity named → the city department;</li>
 *   <li>several county-level units → the city department;</li>
 *   <li>one county-level unit → that unit's department, unless the post is about a city decision or policy
 *       and names no place below county level;</li>
 *   <li>only the city (or a city decision/policy) → the city department;</li>
 *   <li>several departments → lead plus co-responders; no clear lead → the government office is flagged to
 *       name one;</li>
 *   <li>grade I or II → propaganda department and cyberspace office informed;</li>
 *   <li>outside every loaded jurisdiction, or no place → no assignment, flagged for the analyst.</li>
 * </ul>
 * Pure and thread-safe; build once (the automatons take a few milliseconds) and share.
 */
public final class ResponsibilityClassifier {

    private static final String ART19 = "第十九条";
    private static final Pattern CITY_POLICY = Pattern.compile(
            "出台|印发|下发|发布.{0,8}(?:通知|公告|通告|办法|规定|政策|方案|意见|细则)|通知|决定|政策|新规|规定|办法|实施方案|推行|施行|"
                    + "下调|上调|调整|取消|部署");
    private static final double ENTITY_HINT = 4.0;
    private static final double BODY_HINT = 5.0;

    private final List<Jurisdiction> jurisdictions;
    private final Gazetteer gazetteer;
    private final DutyClassifier duties;
    private final CasualtyGrading grading = new CasualtyGrading();

    private ResponsibilityClassifier(List<Jurisdiction> jurisdictions, Gazetteer gazetteer, DutyClassifier duties) {
        this.jurisdictions = jurisdictions;
        this.gazetteer = gazetteer;
        this.duties = duties;
    }

    /** The classifier for the shipped jurisdiction (连云港市). */
    public static ResponsibilityClassifier shipped() {
        return create(JurisdictionLoader.loadDefault());
    }

    public static ResponsibilityClassifier create(JurisdictionLoader.JurisdictionData data) {
        Map<String, Map<String, Double>> local = new LinkedHashMap<>();
        for (Jurisdiction j : data.jurisdictions())
            if (j.file().duties() != null)
                j.file().duties().forEach((c, terms) -> local.computeIfAbsent(c, k -> new LinkedHashMap<>()).putAll(terms));
        DutyLexicon lexicon = DutyLexicon.of(data.duties(), local);
        return new ResponsibilityClassifier(data.jurisdictions(),
                new Gazetteer(data.jurisdictions(), data.divisions(), data.duties()), new DutyClassifier(lexicon));
    }

    /**
     * The same classifier with learned term weights (category → term → weight delta) on top of the
     * shipped ones; the adjustments stay reviewable through {@link #lexicon()}.
     */
    public ResponsibilityClassifier withAdjustments(Map<String, Map<String, Double>> adjustments) {
        return new ResponsibilityClassifier(jurisdictions, gazetteer, duties.withAdjustments(adjustments));
    }

    /** The same classifier whose gazetteer also knows these approved place aliases (replacing earlier ones). */
    public ResponsibilityClassifier withPlaceAliases(List<cn.tingfeng.jurisdiction.place.PlaceAlias> aliases) {
        return new ResponsibilityClassifier(jurisdictions, gazetteer.withAliases(aliases), duties);
    }

    public DutyLexicon lexicon() {
        return duties.lexicon();
    }

    public Gazetteer gazetteer() {
        return gazetteer;
    }

    public List<Jurisdiction> jurisdictions() {
        return jurisdictions;
    }

    public Classification classify(String title, String text) {
        // traditional → simplified, full-width → half-width; same length, so positions stay valid
        String t = TextNormalizer.normalize(title == null ? "" : title);
        String b = TextNormalizer.normalize(text == null ? "" : text);
        String full = t + "\n" + b;
        PlaceAnalysis places = gazetteer.analyze(full);
        Optional<CasualtyAssessment> casualty = grading.assess(t + "。" + b);
        Grade grade = casualty.map(CasualtyAssessment::grade).orElse(null);
        List<String> why = new ArrayList<>();
        Set<Flag> flags = EnumSet.noneOf(Flag.class);

        if (!places.ours()) return unplaced(t, b, full, places, casualty, grade, why, flags);

        Jurisdiction jur = places.jurisdiction();
        List<CountyLevelUnit> territories = places.territories();
        Level level;
        CountyLevelUnit territory = null;
        String placeWords = quoted(places.mentions().stream().filter(m -> m.ref().kind().own() && m.ref().jurisdiction() == jur).toList(), 6);
        if (!places.cityEntities().isEmpty()) {
            level = Level.CITY;
            Mention e = places.cityEntities().get(0);
            why.add("属地：涉及市属单位“" + e.ref().canonical() + "”（文中作“" + e.surface() + "”），依" + ART19
                    + "“分级负责”，市管单位无论坐落何处均由市级主管部门负责。");
        } else if (territories.size() >= 2) {
            level = Level.CITY;
            why.add("属地：涉及多个县区（" + territoryNames(territories) + "；地名" + placeWords + "），依" + ART19
                    + "“跨县区的由上一级（市级）主管部门负责”。");
        } else if (territories.size() == 1) {
            boolean policy = cityPolicy(places, full);
            if (policy && !places.localDetail()) {
                level = Level.CITY;
                why.add("属地：系" + jur.name() + "市级决策部署（" + quoted(cityDecisionMentions(places), 3) + "），虽提及" + territories.get(0).name()
                        + "，依" + ART19 + "“市级重大决策由市级主管部门负责”。");
            } else {
                level = Level.COUNTY;
                territory = territories.get(0);
                why.add("属地：识别到" + placeWords + "，属" + territory.name() + "（" + territory.type().label() + "，县级）"
                        + noteOf(places) + "，依" + ART19 + "“属地管理”由该县区主管部门负责。");
            }
        } else {
            level = Level.CITY;
            boolean policy = cityPolicy(places, full);
            why.add("属地：仅提及" + jur.name() + "（" + placeWords + "），未涉及具体县区" + (policy ? "，系市级决策部署" : "")
                    + "，依" + ART19 + "由市级主管部门负责。");
        }
        for (Mention m : places.mentions())
            if (Gazetteer.ALIAS_NOTE.equals(m.ref().note()) && m.ref().jurisdiction() == jur) {
                why.add("地名别名：“" + m.surface() + "”是分析员纠正属地时学到、经管理员审核的地名，按" + m.ref().territories().get(0).name() + "识别。");
                break;
            }
        if (places.ambiguous()) {
            flags.add(Flag.AMBIGUOUS_PLACE);
            why.add("属地存疑：" + quoted(places.mentions().stream().filter(Mention::ambiguous).toList(), 4) + "为多地同名或跨区地名，上下文无法确定，已降低置信度，请分析员核实。");
        }

        // duties, with place names masked so that 港区/景区 inside a place name do not count twice
        String masked = mask(full, places);
        Map<String, DutyClassifier.Hint> hints = new HashMap<>();
        for (Mention m : places.cityEntities())
            if (m.ref().category() != null) hints.merge(m.ref().category(), new DutyClassifier.Hint(ENTITY_HINT, "市属单位“" + m.surface() + "”"),
                    (a, c) -> new DutyClassifier.Hint(a.weight() + c.weight(), a.reason()));
        for (Mention m : places.cityBodies())
            if (m.ref().category() != null) hints.merge(m.ref().category(), new DutyClassifier.Hint(BODY_HINT, "“" + m.surface() + "”"),
                    (a, c) -> new DutyClassifier.Hint(a.weight() + c.weight(), a.reason()));
        DutyResult duty = duties.classify(masked.substring(0, t.length()), masked.substring(t.length() + 1), hints);

        Assignee lead = null;
        List<Assignee> co = new ArrayList<>();
        double confidence = places.confidence();
        if (duty.lead() == null) {
            flags.add(Flag.NO_DUTY);
            why.add("职责：未识别到明确的职责信号词，主管部门不明，提请" + unit(jur, "government-office", territory) + "指定牵头部门（" + ART19 + "）。");
            confidence *= 0.4;
        } else {
            lead = new Assignee(duty.lead().category(), unit(jur, duty.lead().category(), territory));
            why.add("职责：触发词" + words(duty.lead()) + "指向" + lexicon().label(duty.lead().category()) + "，依" + ART19
                    + "“谁主管、谁负责”，由" + lead.unit() + "牵头回应。");
            for (CategoryScore c : duty.co()) co.add(new Assignee(c.category(), unit(jur, c.category(), territory)));
            if (!co.isEmpty()) {
                StringBuilder s = new StringBuilder("协同：涉及多个部门，");
                for (int i = 0; i < duty.co().size(); i++) {
                    CategoryScore c = duty.co().get(i);
                    if (i > 0) s.append("；");
                    s.append(co.get(i).unit()).append("（").append(words(c)).append("）");
                }
                s.append("依").append(ART19).append("在各自职责范围内配合回应，统一口径。");
                why.add(s.toString());
            }
            if (!duty.leadClear()) {
                flags.add(Flag.LEAD_UNCLEAR);
                CategoryScore second = duty.ranked().get(1);
                why.add("牵头不明确：" + lexicon().label(duty.lead().category()) + "与" + lexicon().label(second.category())
                        + "职责信号相当，依" + ART19 + "提请" + unit(jur, "government-office", territory) + "指定牵头部门。");
            }
            confidence *= 0.4 + 0.6 * duty.confidence();
        }
        learnedNote(masked, why);
        casualty.ifPresent(c -> why.add("分级：" + c.reason() + "。"));
        if (grade != null && grade.isMajor()) {
            flags.add(Flag.MAJOR_IMPACT);
            Assignee propaganda = new Assignee("propaganda", unit(jur, "propaganda", territory));
            Assignee cyber = new Assignee("cyberspace", unit(jur, "cyberspace", territory));
            if (!co.contains(propaganda)) co.add(propaganda);
            if (!co.contains(cyber)) co.add(cyber);
            why.add("重大影响：" + grade.name() + "级（" + grade.label() + "），依" + ART19 + "涉事部门第一时间向党委、政府报告，告知"
                    + propaganda.unit() + "、" + cyber.unit() + "协调处置和信息发布。");
        }
        return new Classification(level, territory == null ? null : territory.name(), lead, co, grade, round(confidence), why, flags,
                top(duty));
    }

    /**
     * No place of ours named. A title naming another city or province makes the post that place's matter: no
     * lead, flagged, the duties still ranked. Otherwise (no place at all — "我家小区门口…", "我们村…" — or the
     * province, or another city only in the background) the message was written to us: the duty is proposed
     * with the city-level department of the competent category, the territory marked 待核实.
     */
    private Classification unplaced(String t, String b, String full, PlaceAnalysis places, Optional<CasualtyAssessment> casualty,
                                    Grade grade, List<String> why, Set<Flag> flags) {
        boolean elsewhere = false;
        Jurisdiction home = jurisdictions.get(0);
        for (Mention m : places.outside()) {
            if (m.ref().kind() == PlaceKind.OUTSIDE && m.begin() < t.length()) elsewhere = true;
            if (m.ref().kind() == PlaceKind.OWN_PROVINCE)
                for (Jurisdiction j : jurisdictions) if (m.ref().canonical().equals(j.province())) { home = j; break; }
        }
        boolean otherCity = places.outside().stream().anyMatch(m -> m.ref().kind() == PlaceKind.OUTSIDE);
        flags.add(places.outside().isEmpty() ? Flag.NO_PLACE : Flag.OUTSIDE_JURISDICTION);
        String masked = mask(full, places);
        DutyResult duty = duties.classify(masked.substring(0, t.length()), masked.substring(t.length() + 1), Map.of());
        double confidence = places.confidence();
        Assignee lead = null;
        List<Assignee> co = new ArrayList<>();
        if (elsewhere) {
            why.add("属地：标题提及" + quoted(places.outside(), 4) + "，不属本辖区（" + names(jurisdictions) + "），依" + ART19
                    + "“属地管理”不予交办，请分析员核实。");
            if (duty.lead() != null)
                why.add("职责：触发词" + words(duty.lead()) + "指向" + lexicon().label(duty.lead().category()) + "，供核实时参考。");
        } else {
            String place = places.outside().isEmpty() ? "未识别到具体地名（小区、村、道路、单位名称未收录）"
                    : "仅提及" + quoted(places.outside(), 4) + (otherCity ? "（非本辖区，仅作背景）" : "");
            why.add("属地：" + place + "，属地待核实；来信系向" + home.name() + "反映，先按市级主管部门提出建议，请分析员核实属地后依"
                    + ART19 + "“属地管理”交办。");
            if (duty.lead() == null) {
                flags.add(Flag.NO_DUTY);
                why.add("职责：未识别到明确的职责信号词，主管部门不明，提请" + unit(home, "government-office", null) + "指定牵头部门（" + ART19 + "）。");
                confidence *= 0.4;
            } else {
                flags.add(Flag.TERRITORY_UNCONFIRMED);
                lead = new Assignee(duty.lead().category(), unit(home, duty.lead().category(), null));
                why.add("职责：触发词" + words(duty.lead()) + "指向" + lexicon().label(duty.lead().category()) + "，依" + ART19
                        + "“谁主管、谁负责”，建议由" + lead.unit() + "牵头（属地待核实，核实后由属地主管部门办理）。");
                for (CategoryScore c : duty.co()) co.add(new Assignee(c.category(), unit(home, c.category(), null)));
                if (!duty.leadClear()) {
                    flags.add(Flag.LEAD_UNCLEAR);
                    why.add("牵头不明确：" + lexicon().label(duty.lead().category()) + "与" + lexicon().label(duty.ranked().get(1).category())
                            + "职责信号相当，请分析员确定牵头部门。");
                }
                confidence *= 0.4 + 0.6 * duty.confidence();
            }
        }
        casualty.ifPresent(c -> why.add("分级：" + c.reason() + "。"));
        return new Classification(Level.NONE, null, lead, co, grade, round(confidence), why, flags, top(duty));
    }

    private static List<CategoryScore> top(DutyResult duty) {
        return duty.ranked().size() <= 4 ? duty.ranked() : duty.ranked().subList(0, 4);
    }

    /**
     * Names every learned (reviewed and approved) weight adjustment whose term occurs in the text, so that a
     * learned weight never acts silently.
     */
    private void learnedNote(String text, List<String> why) {
        Map<String, Map<String, Double>> adjustments = lexicon().adjustments();
        if (adjustments.isEmpty()) return;
        Map<String, StringBuilder> byTerm = new LinkedHashMap<>();
        adjustments.forEach((category, terms) -> terms.forEach((term, delta) -> {
            if (delta != 0 && text.contains(term)) {
                StringBuilder b = byTerm.computeIfAbsent(term, k -> new StringBuilder());
                b.append(b.length() == 0 ? "" : "，").append(lexicon().label(category)).append(delta > 0 ? " +" : " −")
                        .append(String.format(java.util.Locale.ROOT, "%.1f", Math.abs(delta)));
            }
        }));
        byTerm.forEach((term, b) -> why.add("学习权重：“" + term + "”的职责权重经分析员纠错学习、管理员审核后调整（" + b
                + "），已计入本次判断。"));
    }

    private String unit(Jurisdiction jur, String category, CountyLevelUnit territory) {
        DutyFile.Category c = lexicon().category(category);
        return jur.unitName(category, c == null ? category : c.dept(), c == null ? category : c.function(), territory);
    }

    private static boolean cityPolicy(PlaceAnalysis places, String text) {
        boolean cityActor = !places.cityBodies().isEmpty()
                || places.cityMentions().stream().anyMatch(m -> m.ref().kind() == PlaceKind.CITY_MARKER);
        return cityActor && CITY_POLICY.matcher(text).find();
    }

    private static List<Mention> cityDecisionMentions(PlaceAnalysis places) {
        List<Mention> l = new ArrayList<>(places.cityBodies());
        l.addAll(places.cityMentions());
        return l;
    }

    private static String noteOf(PlaceAnalysis places) {
        for (Mention m : places.mentions())
            if (m.ref().note() != null && m.ref().kind() == PlaceKind.TOWNSHIP) return "（" + m.ref().canonical() + "：" + m.ref().note() + "）";
        return "";
    }

    private static String mask(String full, PlaceAnalysis places) {
        char[] c = full.toCharArray();
        for (Mention m : places.mentions())
            for (int i = m.begin(); i < m.begin() + m.surface().length() && i < c.length; i++) c[i] = '\u3000';
        return new String(c);
    }

    private static String words(CategoryScore s) {
        StringBuilder b = new StringBuilder();
        int n = 0;
        for (String w : s.triggers()) {
            if (n++ == 4) break;
            if (w.startsWith("“") || w.startsWith("市属")) b.append(w);
            else b.append("“").append(w).append("”");
        }
        return b.toString();
    }

    private static String quoted(List<Mention> mentions, int max) {
        Set<String> seen = new LinkedHashSet<>();
        for (Mention m : mentions) seen.add(m.surface());
        StringBuilder b = new StringBuilder();
        int n = 0;
        for (String s : seen) {
            if (n++ == max) break;
            b.append("“").append(s).append("”");
        }
        return b.toString();
    }

    private static String territoryNames(List<CountyLevelUnit> ts) {
        StringBuilder b = new StringBuilder();
        for (CountyLevelUnit t : ts) b.append(b.length() == 0 ? "" : "、").append(t.name());
        return b.toString();
    }

    private static String names(List<Jurisdiction> js) {
        StringBuilder b = new StringBuilder();
        for (Jurisdiction j : js) b.append(b.length() == 0 ? "" : "、").append(j.name());
        return b.toString();
    }

    private static double round(double d) {
        return Math.round(Math.max(0, Math.min(1, d)) * 100) / 100.0;
    }
}
