package cn.tingfeng.web;

import cn.tingfeng.incident.triage.IncidentViews;
import cn.tingfeng.jurisdiction.Unit;
import cn.tingfeng.jurisdiction.UnitRepository;
import cn.tingfeng.jurisdiction.classify.Classifiers;
import cn.tingfeng.jurisdiction.proposal.ProposalService;
import cn.tingfeng.jurisdiction.proposal.ProposalViews;
import cn.tingfeng.security.CurrentUser;
import cn.tingfeng.shared.ApiException;
import cn.tingfeng.shared.Roles;
import cn.tingfeng.tracking.TrackingViews;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** The incident page's model: incident, heat, proposal and, for analysts, the options of the triage and assignment forms. */
@ApplicationScoped
class IncidentPage {
    /** One hour of the heat timeline, with its bar height in percent of the busiest hour. */
    public record Bar(java.time.Instant hour, int posts, int percent) {
    }

    /**
     * The heat chart's axes: the busiest hour's count on top of the y axis (and its half), under the x axis the start of
     * the first hour (left edge), of the middle one and the end of the last (right edge), in Beijing time, and how many
     * hours the chart spans.
     */
    public record HeatAxis(int max, Integer mid, String from, String middle, String to, int hours) {
        static HeatAxis of(List<Bar> bars) {
            int max = bars.stream().mapToInt(Bar::posts).max().orElse(0);
            if (bars.isEmpty()) return new HeatAxis(0, null, "—", "", "—", 0);
            return new HeatAxis(max, max >= 2 ? max / 2 : null, hour(bars.get(0).hour()), bars.size() > 2 ? hour(bars.get(bars.size() / 2).hour()) : "",
                    hour(bars.get(bars.size() - 1).hour().plusSeconds(3600)), bars.size()); // the right edge: end of the last hour
        }

        private static String hour(java.time.Instant t) {
            return java.time.format.DateTimeFormatter.ofPattern("MM-dd HH:00").withZone(WebFormat.ZONE).format(t);
        }
    }

    /** What the analyst typed into a merge or split form that was refused (shown again). */
    public record Typed(String form, String target, String reason, java.util.Set<Long> postIds) {
        static final Typed NONE = new Typed("", "", "", java.util.Set.of());

        public boolean checked(Long postId) {
            return postIds.contains(postId);
        }
    }

    /** An option of a select, pre-selected or not. */
    /** {@code keys}: what the picker's filter matches besides the label (pinyin initials and full pinyin of a unit). */
    public record Option(String value, String label, boolean selected, String keys) {
        public Option(String value, String label, boolean selected) {
            this(value, label, selected, "");
        }

    }

    @Inject
    IncidentViews incidents;
    @Inject
    TrackingViews tracking;
    @Inject
    ProposalService proposals;
    @Inject
    UnitRepository units;
    @Inject
    Classifiers classifiers;
    @Inject
    CurrentUser user;

    @Transactional
    TemplateInstance render(Long id, String msg, String error) {
        return render(id, msg, error, Typed.NONE);
    }

    @Transactional
    TemplateInstance render(Long id, String msg, String error, Typed typed) {
        TrackingViews.IncidentView view = tracking.incident(id);
        IncidentViews.HeatView heat = incidents.heat(id);
        int max = heat.timeline().stream().mapToInt(b -> b.posts()).max().orElse(1);
        List<Bar> bars = heat.timeline().stream()
                .map(b -> new Bar(b.hour(), b.posts(), b.posts() == 0 ? 0 : Math.max(2, b.posts() * 100 / Math.max(1, max)))).toList();
        ProposalViews.ProposalView proposal;
        try {
            proposal = proposals.view(id);
        } catch (ApiException e) {
            proposal = null;
        }
        boolean analyst = user.has(Roles.ANALYST);
        List<Option> unitOptions = List.of();
        List<Option> categories = List.of();
        List<Option> mergeTargets = List.of();
        if (analyst) {
            mergeTargets = incidents.list(null, null, null, 0, 200).items().stream()
                    .filter(r -> !r.id().equals(id) && !List.of("merged", "dismissed", "closed").contains(r.status()))
                    .map(r -> new Option(String.valueOf(r.id()), "#" + r.id() + " " + r.title() + "（" + WebLabels.status(r.status()) + "）",
                            false)).toList();
            Long proposed = proposal == null || proposal.current() == null || proposal.current().lead() == null ? null
                    : proposal.current().lead().unitId();
            unitOptions = units.listWithTerritory().stream().filter(u -> u.active).sorted(Comparator.comparing((Unit u) -> u.name))
                    .map(u -> new Option(String.valueOf(u.id), u.name, Objects.equals(u.id, proposed), PinyinKeys.of(u.name))).toList();
            String lead = proposal == null || proposal.current() == null || proposal.current().lead() == null ? null
                    : proposal.current().lead().category();
            categories = classifiers.state().base().lexicon().categories().entrySet().stream()
                    .map(c -> new Option(c.getKey(), c.getValue().dept(), c.getKey().equals(lead))).toList();
        }
        return IncidentPages.Templates.incident(view, incidents.assessment(id), heat, bars, incidents.posts(id), proposal,
                analyst, unitOptions, categories, msg, error, HeatAxis.of(bars), mergeTargets, typed == null ? Typed.NONE : typed);
    }
}
