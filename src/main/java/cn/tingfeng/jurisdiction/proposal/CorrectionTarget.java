package cn.tingfeng.jurisdiction.proposal;

import cn.tingfeng.jurisdiction.Territory;
import cn.tingfeng.jurisdiction.TerritoryRepository;
import cn.tingfeng.jurisdiction.Unit;
import cn.tingfeng.jurisdiction.UnitRepository;
import cn.tingfeng.jurisdiction.classify.ClassificationView.AssigneeView;
import cn.tingfeng.jurisdiction.classify.Classifiers;
import cn.tingfeng.shared.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Turns a correction request into units of the catalog, refusing (400, naming the field) what does not resolve. */
@ApplicationScoped
public class CorrectionTarget {
    @Inject
    TerritoryRepository territories;
    @Inject
    UnitRepository units;
    @Inject
    Classifiers classifiers;

    public Snapshot resolve(CorrectionRequest r, IncidentProposal p) {
        Set<String> known = classifiers.state().base().lexicon().categories().keySet();
        List<String> co = r.coCategories() == null ? List.of() : r.coCategories();
        if ("none".equals(r.level())) {
            if (blank(r.leadCategory()) && co.isEmpty()) return new Snapshot("none", null, null, List.of());
            throw ApiException.badRequest(blank(r.leadCategory()) ? "coCategories" : "leadCategory", "不予交办（none）时不能指定部门");
        }
        if (blank(r.leadCategory())) throw ApiException.badRequest("leadCategory", "必须指定牵头部门类别");
        if (!known.contains(r.leadCategory())) throw ApiException.badRequest("leadCategory", "未知部门类别：" + r.leadCategory());
        Set<String> coSet = new LinkedHashSet<>();
        for (String c : co) {
            if (c == null || !known.contains(c)) throw ApiException.badRequest("coCategories", "未知部门类别：" + c);
            if (c.equals(r.leadCategory())) throw ApiException.badRequest("coCategories", "协同部门不能与牵头部门相同：" + c);
            coSet.add(c);
        }
        Territory where = territory(r, p);
        AssigneeView lead = assignee(where, r.leadCategory(), "leadCategory");
        List<AssigneeView> coViews = new ArrayList<>();
        for (String c : coSet) coViews.add(assignee(where, c, "coCategories"));
        return new Snapshot(r.level(), "county".equals(r.level()) ? where.name : null, lead, coViews);
    }

    private Territory territory(CorrectionRequest r, IncidentProposal p) {
        if ("county".equals(r.level())) {
            if (blank(r.territory())) throw ApiException.badRequest("territory", "县区级交办必须指定县区");
            return territories.findCountyOrCityByName(r.territory().trim()).filter(t -> Territory.COUNTY.equals(t.level))
                    .orElseThrow(() -> ApiException.badRequest("territory", "不是已知的县级单位：" + r.territory()));
        }
        String jurisdiction;
        if (!blank(r.territory())) {
            Territory t = territories.findCountyOrCityByName(r.territory().trim())
                    .orElseThrow(() -> ApiException.badRequest("territory", "不是已知的市或县区：" + r.territory()));
            jurisdiction = t.jurisdiction;
        } else if (p.territoryId != null) {
            jurisdiction = territories.findById(p.territoryId).jurisdiction;
        } else if (p.leadUnitId != null) {
            jurisdiction = units.findById(p.leadUnitId).territory.jurisdiction;
        } else {
            jurisdiction = classifiers.state().base().jurisdictions().get(0).code();
        }
        return territories.findByCode(jurisdiction).filter(t -> Territory.CITY.equals(t.level))
                .orElseThrow(() -> ApiException.badRequest("territory", "找不到市级属地：" + jurisdiction));
    }

    private AssigneeView assignee(Territory where, String category, String field) {
        Unit u = units.findByTerritoryAndCategory(where, category).filter(x -> x.active)
                .or(() -> where.parent == null ? java.util.Optional.empty()
                        : units.findByTerritoryAndCategory(where.parent, category).filter(x -> x.active))
                .orElseThrow(() -> ApiException.badRequest(field, where.name + " 没有“" + category + "”类别的单位"));
        return new AssigneeView(u.category, u.name, u.id);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
