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
        TrackingViews.IncidentView view = tracking.incident(id);
        IncidentViews.HeatView heat = incidents.heat(id);
        int max = heat.timeline().stream().mapToInt(b -> b.posts()).max().orElse(1);
        List<Bar> bars = heat.timeline().stream()
                .map(b -> new Bar(b.hour(), b.posts(), Math.max(2, b.posts() * 100 / Math.max(1, max)))).toList();
        ProposalViews.ProposalView proposal;
        try {
            proposal = proposals.view(id);
        } catch (ApiException e) {
            proposal = null;
        }
        boolean analyst = user.has(Roles.ANALYST);
        List<Option> unitOptions = List.of();
        List<Option> categories = List.of();
        if (analyst) {
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
                analyst, unitOptions, categories, msg, error);
    }
}
