package cn.tingfeng.jurisdiction.classify;

import cn.tingfeng.jurisdiction.Classification;
import cn.tingfeng.jurisdiction.ResponsibilityClassifier;
import cn.tingfeng.jurisdiction.Unit;
import cn.tingfeng.jurisdiction.UnitRepository;
import cn.tingfeng.jurisdiction.data.JurisdictionLoader;
import cn.tingfeng.jurisdiction.place.PlaceAlias;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The classifier in use: built once from the jurisdiction data at startup (by the seeder), rebuilt on an
 * administrator's reload, with the approved learned weights and place aliases applied on top. Thread-safe: readers see one
 * immutable state.
 */
@ApplicationScoped
public class Classifiers {
    private static final Logger LOG = Logger.getLogger(Classifiers.class);

    /** One immutable generation of the classifier. */
    public record State(ResponsibilityClassifier base, ResponsibilityClassifier current, String dataVersion,
                        int approvedWeights, int approvedAliases, List<String> loadErrors, Map<String, Long> unitIds, Instant loadedAt) {
        public String version() {
            return "data:" + dataVersion + ";weights:" + approvedWeights + (approvedAliases == 0 ? "" : ";aliases:" + approvedAliases);
        }
    }

    @Inject
    UnitRepository units;
    @Inject
    LearnedWeightRepository weights;
    @Inject
    LearnedPlaceAliasRepository aliases;
    @Inject
    Clock clock;

    private volatile State state;

    public State state() {
        State s = state;
        if (s == null) throw new IllegalStateException("属地数据尚未加载");
        return s;
    }

    public Classification classify(String title, String text) {
        return state().current().classify(title, text);
    }

    public ResponsibilityClassifier classifier() {
        return state().current();
    }

    /** The id of the active unit with this exact name, or null. */
    public Long unitId(String name) {
        return name == null ? null : state().unitIds().get(name);
    }

    /** Installs freshly loaded data (called by the seeder after upserting the catalog). */
    @Transactional
    public void install(JurisdictionLoader.LoadResult loaded) {
        ResponsibilityClassifier base = ResponsibilityClassifier.create(loaded.data());
        Map<String, Long> ids = new HashMap<>();
        for (Unit u : units.list("active", true)) ids.put(u.name, u.id);
        state = withWeights(base, loaded.version(), loaded.errors(), Map.copyOf(ids));
    }

    /** Re-applies the approved learned weights and place aliases (after an administrator approved or rejected one). */
    @Transactional
    public void refreshWeights() {
        State s = state();
        state = withWeights(s.base(), s.dataVersion(), s.loadErrors(), s.unitIds());
    }

    private State withWeights(ResponsibilityClassifier base, String version, List<String> errors, Map<String, Long> ids) {
        List<LearnedWeight> approved = weights.approved();
        Map<String, Map<String, Double>> adj = WeightLearning.adjustments(approved, base.lexicon().categories().keySet());
        List<PlaceAlias> places = aliases.approved().stream().map(a -> new PlaceAlias(a.name, a.jurisdiction, a.territory)).toList();
        ResponsibilityClassifier current = places.isEmpty() ? base : base.withPlaceAliases(places);
        if (!adj.isEmpty()) current = current.withAdjustments(adj);
        if (!approved.isEmpty()) LOG.infof("分类器已应用 %d 条经审核的学习权重", approved.size());
        if (!places.isEmpty()) LOG.infof("分类器已应用 %d 个经审核的地名别名", places.size());
        return new State(base, current, version, approved.size(), places.size(), List.copyOf(errors), ids, clock.instant());
    }
}
