package cn.tingfeng.jurisdiction.place;

import cn.tingfeng.jurisdiction.Jurisdiction;
import cn.tingfeng.jurisdiction.CountyLevelUnit;
import cn.tingfeng.jurisdiction.data.DivisionsFile;
import cn.tingfeng.jurisdiction.data.DutyFile;
import cn.tingfeng.jurisdiction.data.JurisdictionFile;
import cn.tingfeng.jurisdiction.text.LongestMatcher;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * All place names of the loaded jurisdictions (with aliases, landmarks, city entities and bodies) plus
 * the provinces and prefecture-level cities of China, in one Aho-Corasick automaton. {@link #analyze}
 * finds the mentions (longest first, non-overlapping), resolves shared names by context and tells which
 * county-level units of which jurisdiction a text is about. Immutable and thread-safe.
 */
public final class Gazetteer {

    private static final String[] ETHNIC = {"土家族", "苗族", "朝鲜族", "藏族", "羌族", "彝族", "布依族", "哈尼族", "壮族", "傣族",
            "白族", "傈僳族", "回族", "蒙古", "柯尔克孜", "哈萨克", "景颇族", "侗族"};

    private final List<Jurisdiction> jurisdictions;
    private final LongestMatcher<List<PlaceRef>> matcher;
    private final int size;
    private final Set<String> names;

    /** The note of a name that comes from an approved place alias (named in the rationale). */
    public static final String ALIAS_NOTE = "经审核的地名别名";

    private final DivisionsFile divisions;
    private final DutyFile duties;
    private final List<PlaceAlias> aliases;

    public Gazetteer(List<Jurisdiction> jurisdictions, DivisionsFile divisions, DutyFile duties) {
        this(jurisdictions, divisions, duties, List.of());
    }

    /**
     * With approved place aliases on top of the data files; an alias whose jurisdiction or territory is not loaded
     * is ignored, and an alias never replaces a name of the data files (the files stay authoritative).
     */
    public Gazetteer(List<Jurisdiction> jurisdictions, DivisionsFile divisions, DutyFile duties, List<PlaceAlias> aliases) {
        this.jurisdictions = List.copyOf(jurisdictions);
        this.divisions = divisions;
        this.duties = duties;
        this.aliases = List.copyOf(aliases);
        Map<String, List<PlaceRef>> dict = new HashMap<>();
        for (Jurisdiction j : jurisdictions) addJurisdiction(dict, j, duties);
        if (divisions != null) addOutside(dict, divisions);
        for (PlaceAlias a : this.aliases) {
            if (a.name() == null || dict.containsKey(a.name().trim())) continue;
            for (Jurisdiction j : jurisdictions) {
                if (!j.code().equals(a.jurisdictionCode())) continue;
                CountyLevelUnit t = j.territoryByName(a.territory());
                if (t != null) put(dict, a.name(), new PlaceRef(a.name(), PlaceKind.PLACE, j, List.of(t), false, null, null, null, ALIAS_NOTE));
            }
        }
        this.size = dict.size();
        this.names = Set.copyOf(dict.keySet());
        this.matcher = new LongestMatcher<>(dict);
    }

    /** The same gazetteer with these approved aliases (replacing any previous ones). */
    public Gazetteer withAliases(List<PlaceAlias> approved) {
        return new Gazetteer(jurisdictions, divisions, duties, approved);
    }

    /** The approved aliases in use. */
    public List<PlaceAlias> aliases() {
        return aliases;
    }

    /** Whether {@code name} is a name of the gazetteer (data files or approved alias). */
    public boolean knows(String name) {
        return name != null && matcher.find(name).stream().anyMatch(m -> m.key().equals(name));
    }

    /** Every name of the automaton (the search's user dictionary: these stay one term). */
    public Set<String> names() {
        return names;
    }

    /** Number of distinct names in the automaton. */
    public int size() {
        return size;
    }

    public List<Jurisdiction> jurisdictions() {
        return jurisdictions;
    }

    private static void put(Map<String, List<PlaceRef>> dict, String name, PlaceRef ref) {
        if (name == null || name.isBlank()) return;
        String key = name.trim();
        if (key.length() < 2) return; // single characters are never place evidence
        List<PlaceRef> refs = dict.computeIfAbsent(key, k -> new ArrayList<>(1));
        for (PlaceRef r : refs) if (r.equals(ref)) return;
        refs.add(ref);
    }

    private static List<String> l(List<String> list) {
        return list == null ? Collections.emptyList() : list;
    }

    private void addJurisdiction(Map<String, List<PlaceRef>> dict, Jurisdiction j, DutyFile duties) {
        JurisdictionFile f = j.file();
        List<CountyLevelUnit> none = List.of();
        PlaceRef city = new PlaceRef(j.name(), PlaceKind.CITY, j, none, false, null, null, null, null);
        PlaceRef weakCity = new PlaceRef(j.name(), PlaceKind.CITY, j, none, true, null, null, null, null);
        put(dict, j.name(), city);
        l(f.aliases()).forEach(a -> put(dict, a, city));
        l(f.formerNames()).forEach(a -> put(dict, a, new PlaceRef(j.name(), PlaceKind.CITY, j, none, false, null, null, null, "曾用名 " + a)));
        l(f.weakAliases()).forEach(a -> put(dict, a, weakCity));
        l(f.cityMarkers()).forEach(a -> put(dict, a, new PlaceRef(j.name(), PlaceKind.CITY_MARKER, j, none, true, null, null, null, null)));
        if (j.province() != null) {
            PlaceRef prov = new PlaceRef(j.province(), PlaceKind.OWN_PROVINCE, null, none, false, null, j.province(), j.province(), null);
            put(dict, j.province(), prov);
            put(dict, shortProvince(j.province()), prov);
        }
        duties.categories().forEach((code, c) -> {
            put(dict, j.unitName(code, c.dept(), c.function(), null),
                    new PlaceRef(j.name(), PlaceKind.CITY_BODY, j, none, false, code, null, null, null));
            PlaceRef weakBody = new PlaceRef(j.name(), PlaceKind.CITY_BODY, j, none, true, code, null, null, null);
            if (c.dept() != null) put(dict, "市" + c.dept(), weakBody);
            l(c.names()).forEach(n -> put(dict, "市" + n, weakBody));
        });
        for (JurisdictionFile.TerritoryEntry te : f.territories()) {
            CountyLevelUnit t = j.territoryByCode(te.code());
            List<CountyLevelUnit> ts = List.of(t);
            PlaceRef strong = new PlaceRef(t.name(), PlaceKind.TERRITORY, j, ts, false, null, null, null, null);
            put(dict, t.name(), strong);
            l(te.aliases()).forEach(a -> put(dict, a, strong));
            l(te.formerNames()).forEach(a -> put(dict, a, new PlaceRef(t.name(), PlaceKind.TERRITORY, j, ts, false, null, null, null, "曾用名 " + a)));
            l(te.weakAliases()).forEach(a -> put(dict, a, new PlaceRef(t.name(), PlaceKind.TERRITORY, j, ts, true, null, null, null, null)));
            for (JurisdictionFile.Township s : Jurisdiction.listOf(te.townships())) {
                CountyLevelUnit owner = s.administeredBy() == null ? t : j.territoryByCode(s.administeredBy());
                String note = s.administeredBy() == null ? null : "官方隶属" + t.name() + "，由" + owner.name() + "管理";
                List<CountyLevelUnit> os = List.of(owner);
                PlaceRef ref = new PlaceRef(s.name(), PlaceKind.TOWNSHIP, j, os, false, null, null, null, note);
                put(dict, s.name(), ref);
                l(s.aliases()).forEach(a -> put(dict, a, ref));
                l(s.weakAliases()).forEach(a -> put(dict, a, new PlaceRef(s.name(), PlaceKind.TOWNSHIP, j, os, true, null, null, null, note)));
            }
            for (JurisdictionFile.PlaceEntry p : Jurisdiction.listOf(te.places())) {
                boolean weak = Boolean.TRUE.equals(p.weak());
                PlaceRef ref = new PlaceRef(p.name(), PlaceKind.PLACE, j, ts, weak, null, null, null, p.kind());
                put(dict, p.name(), ref);
                l(p.aliases()).forEach(a -> put(dict, a, ref));
                l(p.weakAliases()).forEach(a -> put(dict, a, new PlaceRef(p.name(), PlaceKind.PLACE, j, ts, true, null, null, null, p.kind())));
            }
        }
        for (JurisdictionFile.SharedPlace p : Jurisdiction.listOf(f.sharedPlaces())) {
            List<CountyLevelUnit> ts = new ArrayList<>();
            for (String n : l(p.territories())) ts.add(j.territoryByName(n));
            put(dict, p.name(), new PlaceRef(p.name(), PlaceKind.SHARED, j, ts, false, null, null, null, p.note()));
        }
        for (JurisdictionFile.CityEntity e : Jurisdiction.listOf(f.cityEntities())) {
            List<CountyLevelUnit> at = e.locatedIn() == null ? none : List.of(j.territoryByName(e.locatedIn()));
            PlaceRef ref = new PlaceRef(e.name(), PlaceKind.CITY_ENTITY, j, at, false, e.category(), null, null, e.kind());
            put(dict, e.name(), ref);
            l(e.aliases()).forEach(a -> put(dict, a, ref));
            l(e.weakAliases()).forEach(a -> put(dict, a, new PlaceRef(e.name(), PlaceKind.CITY_ENTITY, j, at, true, e.category(), null, null, e.kind())));
        }
        for (String n : l(f.neutral())) put(dict, n, new PlaceRef(n, PlaceKind.NEUTRAL, null, none, false, null, null, null, null));
    }

    private void addOutside(Map<String, List<PlaceRef>> dict, DivisionsFile d) {
        Set<String> ownCities = new HashSet<>();
        Set<String> ownProvinces = new HashSet<>();
        for (Jurisdiction j : jurisdictions) {
            ownCities.add(j.name());
            if (j.province() != null) ownProvinces.add(j.province());
        }
        Set<String> common = new HashSet<>(l(d.commonWords()));
        Map<String, String> provinceOfCity = new HashMap<>();
        List<CountyLevelUnit> none = List.of();
        d.provinces().forEach((province, cities) -> {
            boolean own = ownProvinces.contains(province);
            if (!own) {
                PlaceRef p = new PlaceRef(province, PlaceKind.OUTSIDE, null, none, false, null, province, province, null);
                put(dict, province, p);
                String s = shortProvince(province);
                if (!common.contains(s)) put(dict, s, p);
                l(d.provinceAliases() == null ? null : d.provinceAliases().get(province)).forEach(a -> put(dict, a, p));
            }
            boolean municipality = province.endsWith("市");
            for (String c : l(cities)) {
                provinceOfCity.put(c, province);
                if (ownCities.contains(c)) continue;
                String region = municipality ? province + c : province + c;
                PlaceRef ref = new PlaceRef(c, PlaceKind.OUTSIDE, null, none, false, null, region, province, null);
                put(dict, c, ref);
                if (!municipality) {
                    String s = shortCity(c);
                    if (s != null && s.length() >= 2 && !common.contains(s) && !s.equals(c)) put(dict, s, ref);
                }
            }
        });
        if (d.extra() != null) d.extra().forEach((city, names) -> {
            if (ownCities.contains(city)) return;
            String province = provinceOfCity.getOrDefault(city, "");
            PlaceRef ref = new PlaceRef(city, PlaceKind.OUTSIDE, null, none, false, null, province + city, province, null);
            for (String n : l(names)) put(dict, n, ref);
        });
    }

    static String shortProvince(String p) {
        for (String suffix : new String[]{"特别行政区", "维吾尔自治区", "回族自治区", "壮族自治区", "自治区", "省", "市"})
            if (p.endsWith(suffix) && p.length() > suffix.length() + 1) return p.substring(0, p.length() - suffix.length());
        return p;
    }

    static String shortCity(String c) {
        if (c.endsWith("自治州")) {
            int cut = c.length();
            for (String e : ETHNIC) {
                int i = c.indexOf(e);
                if (i > 0 && i < cut) cut = i;
            }
            return cut < c.length() ? c.substring(0, cut) : null;
        }
        for (String suffix : new String[]{"地区", "林区", "新区", "市", "盟", "州"})
            if (c.endsWith(suffix) && c.length() > suffix.length() + 1) return c.substring(0, c.length() - suffix.length());
        return null;
    }

    /** Finds, resolves and summarises the place mentions of a text. */
    public PlaceAnalysis analyze(String text) {
        List<LongestMatcher.Match<List<PlaceRef>>> matches = matcher.find(text);
        // context from the unambiguous mentions
        Map<Jurisdiction, Integer> ctxJur = new HashMap<>();
        Set<CountyLevelUnit> ctxTerr = new HashSet<>();
        Set<String> ctxOutside = new HashSet<>();
        for (LongestMatcher.Match<List<PlaceRef>> m : matches) {
            List<PlaceRef> c = m.value();
            if (c.size() != 1) continue;
            PlaceRef r = c.get(0);
            if (r.kind() == PlaceKind.OUTSIDE) {
                ctxOutside.add(r.province());
                ctxOutside.add(r.region());
            } else if (r.kind().own() && !r.weak()) {
                ctxJur.merge(r.jurisdiction(), 1, Integer::sum);
                if (r.territories().size() == 1 && r.kind() != PlaceKind.CITY_ENTITY) ctxTerr.add(r.territories().get(0));
            }
        }
        List<Mention> resolved = new ArrayList<>();
        for (LongestMatcher.Match<List<PlaceRef>> m : matches) {
            List<PlaceRef> c = m.value();
            PlaceRef chosen;
            boolean ambiguous = false;
            if (c.size() == 1) {
                chosen = c.get(0);
            } else {
                chosen = null;
                int best = Integer.MIN_VALUE;
                for (PlaceRef r : c) {
                    int score = contextScore(r, ctxJur, ctxTerr, ctxOutside);
                    if (score > best) {
                        best = score;
                        chosen = r;
                    }
                }
                // settled by context, or only one candidate could fit: otherwise keep the fallback but say so
                ambiguous = best < 100;
            }
            if (chosen.kind() == PlaceKind.NEUTRAL) continue;
            if (chosen.kind() == PlaceKind.SHARED) {
                List<CountyLevelUnit> narrowed = new ArrayList<>();
                for (CountyLevelUnit t : chosen.territories()) if (ctxTerr.contains(t)) narrowed.add(t);
                if (narrowed.isEmpty()) {
                    ambiguous = true;
                } else {
                    chosen = new PlaceRef(chosen.canonical(), PlaceKind.PLACE, chosen.jurisdiction(), narrowed, false, null, null, null, chosen.note());
                }
            }
            resolved.add(new Mention(m.key(), m.begin(), chosen, ambiguous));
        }
        boolean strongOwn = resolved.stream().anyMatch(x -> x.ref().kind().own() && !x.ref().weak());
        boolean outsidePresent = resolved.stream().anyMatch(x -> x.ref().kind() == PlaceKind.OUTSIDE);
        List<Mention> kept = new ArrayList<>();
        for (Mention x : resolved) {
            if (x.ref().kind().own() && x.ref().weak() && !strongOwn && outsidePresent) continue;
            kept.add(x);
        }
        // choose the jurisdiction the text is about
        Map<Jurisdiction, Integer> votes = new LinkedHashMap<>();
        for (Mention x : kept)
            if (x.ref().kind().own()) votes.merge(x.ref().jurisdiction(), x.ref().weak() ? 1 : 2, Integer::sum);
        Jurisdiction jur = null;
        int bestVotes = 0;
        for (Jurisdiction j : jurisdictions) {
            int v = votes.getOrDefault(j, 0);
            if (v > bestVotes) {
                bestVotes = v;
                jur = j;
            }
        }
        Set<CountyLevelUnit> territories = new LinkedHashSet<>();
        List<Mention> cityMentions = new ArrayList<>(), bodies = new ArrayList<>(), entities = new ArrayList<>(), outside = new ArrayList<>();
        boolean local = false, ambiguous = false, anyStrong = false;
        for (Mention x : kept) {
            PlaceRef r = x.ref();
            if (r.kind() == PlaceKind.OUTSIDE || r.kind() == PlaceKind.OWN_PROVINCE) {
                outside.add(x);
                continue;
            }
            if (r.jurisdiction() != jur) continue;
            if (!r.weak()) anyStrong = true;
            if (x.ambiguous()) ambiguous = true;
            switch (r.kind()) {
                case CITY, CITY_MARKER -> cityMentions.add(x);
                case CITY_BODY -> bodies.add(x);
                case CITY_ENTITY -> entities.add(x);
                default -> {
                    territories.addAll(r.territories());
                    if (r.kind() != PlaceKind.TERRITORY) local = true;
                }
            }
        }
        double confidence;
        if (jur == null) {
            confidence = outside.isEmpty() ? 0.3 : 0.9;
        } else {
            confidence = 0.95;
            if (ambiguous) confidence *= 0.6;
            if (!anyStrong) confidence *= 0.7;
        }
        return new PlaceAnalysis(kept, jur, new ArrayList<>(territories), cityMentions, bodies, entities, outside, local, ambiguous, confidence);
    }

    /** 100+ when the context settles the candidate; lower values only order the fallbacks. */
    private int contextScore(PlaceRef r, Map<Jurisdiction, Integer> ctxJur, Set<CountyLevelUnit> ctxTerr, Set<String> ctxOutside) {
        if (r.kind() == PlaceKind.OUTSIDE) {
            if (ctxOutside.contains(r.region())) return 300;
            if (ctxOutside.contains(r.province())) return 200;
            return 2;
        }
        if (r.kind() == PlaceKind.NEUTRAL) return 1;
        if (r.kind() == PlaceKind.OWN_PROVINCE) return 1;
        int score = 0;
        for (CountyLevelUnit t : r.territories()) if (ctxTerr.contains(t)) score = Math.max(score, 300);
        if (score == 0 && ctxJur.containsKey(r.jurisdiction())) score = 200;
        if (score == 0) score = r.weak() ? 1 : 3; // ties keep load order: the primary jurisdiction first
        return score;
    }
}
