package cn.tingfeng.jurisdiction.proposal;

import cn.tingfeng.incident.Incident;
import cn.tingfeng.incident.IncidentCreated;
import cn.tingfeng.incident.IncidentRepository;
import cn.tingfeng.jurisdiction.Classification;
import cn.tingfeng.jurisdiction.JurisdictionConfig;
import cn.tingfeng.jurisdiction.TerritoryRepository;
import cn.tingfeng.jurisdiction.classify.ClassificationView;
import cn.tingfeng.jurisdiction.classify.Classifiers;
import cn.tingfeng.jurisdiction.classify.LearnedWeights;
import cn.tingfeng.jurisdiction.classify.PlaceAliases;
import cn.tingfeng.post.Post;
import cn.tingfeng.shared.ApiException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jboss.logging.Logger;

/** Proposes an assignment for every new incident (same classifier as the API) and records analysts' corrections. */
@ApplicationScoped
public class ProposalService {
    private static final Logger LOG = Logger.getLogger(ProposalService.class);

    @Inject
    Classifiers classifiers;
    @Inject
    ProposalRepository proposals;
    @Inject
    CorrectionRepository corrections;
    @Inject
    IncidentRepository incidents;
    @Inject
    TerritoryRepository territories;
    @Inject
    LearnedWeights learned;
    @Inject
    PlaceAliases aliases;
    @Inject
    CorrectionTarget targets;
    @Inject
    JurisdictionConfig config;
    @Inject
    ObjectMapper json;
    @Inject
    Clock clock;

    /** In the creating transaction: classify title + summary + posts and store the proposal. */
    void onIncidentCreated(@Observes IncidentCreated event) {
        Incident incident = incidents.findById(event.incidentId());
        if (incident == null || proposals.findByIncident(incident.id).isPresent()) return;
        Classification c;
        try {
            c = classifiers.classify(incident.title, text(incident));
        } catch (RuntimeException e) {
            LOG.errorf(e, "事件 %d 的责任单位建议生成失败", incident.id);
            return;
        }
        ClassificationView v = ClassificationView.of(c, classifiers::unitId);
        IncidentProposal p = new IncidentProposal();
        p.incidentId = incident.id;
        p.level = v.level();
        p.territory = v.territory();
        p.territoryId = v.territory() == null ? null
                : territories.findCountyOrCityByName(v.territory()).map(t -> t.id).orElse(null);
        if (v.lead() != null) {
            p.leadCategory = v.lead().category();
            p.leadUnit = v.lead().unit();
            p.leadUnitId = v.lead().unitId();
        }
        p.coJson = write(v.co());
        p.grade = v.grade();
        p.confidence = v.confidence();
        p.rationaleJson = write(v.rationale());
        p.flags = String.join(",", v.flags());
        p.classifierVersion = classifiers.state().version();
        p.createdAt = clock.instant();
        proposals.persist(p);
    }

    @Transactional
    public ProposalViews.ProposalView view(Long incidentId) {
        IncidentProposal p = proposals.findByIncident(incidentId).orElseThrow(() -> ApiException.notFound("事件 " + incidentId + " 的责任单位建议"));
        List<ProposalViews.CorrectionView> list = new ArrayList<>();
        for (ProposalCorrection c : corrections.ofProposal(p.id))
            list.add(new ProposalViews.CorrectionView(c.id, c.correctedBy, c.correctedAt, c.reason, read(c.beforeJson, Snapshot.class),
                    read(c.afterJson, Snapshot.class), List.of(), List.of()));
        Snapshot current = list.isEmpty() ? snapshot(p) : list.get(list.size() - 1).after();
        ClassificationView.AssigneeView lead = p.leadCategory == null ? null
                : new ClassificationView.AssigneeView(p.leadCategory, p.leadUnit, p.leadUnitId);
        return new ProposalViews.ProposalView(p.incidentId, p.level, p.territory, lead, coOf(p), p.grade, p.confidence,
                read(p.rationaleJson, new TypeReference<List<String>>() { }),
                p.flags.isEmpty() ? List.of() : Arrays.asList(p.flags.split(",")), p.classifierVersion, p.createdAt,
                !list.isEmpty(), current, list);
    }

    /**
     * Records an analyst's correction; a changed lead teaches the misleading terms and the post's new words, a
     * changed territory teaches the post's unknown place names as proposed aliases (all pending review).
     */
    @Transactional
    public ProposalViews.CorrectionView correct(Long incidentId, CorrectionRequest request, String by) {
        Incident incident = incidents.findById(incidentId);
        if (incident == null) throw ApiException.notFound("事件 " + incidentId);
        IncidentProposal p = proposals.findByIncident(incidentId).orElseThrow(() -> ApiException.notFound("事件 " + incidentId + " 的责任单位建议"));
        List<ProposalCorrection> earlier = corrections.ofProposal(p.id);
        Snapshot before = earlier.isEmpty() ? snapshot(p) : read(earlier.get(earlier.size() - 1).afterJson, Snapshot.class);
        Snapshot after = targets.resolve(request, p);
        ProposalCorrection c = new ProposalCorrection();
        c.proposalId = p.id;
        c.incidentId = incidentId;
        c.correctedBy = by;
        c.correctedAt = clock.instant();
        c.reason = request.reason().trim();
        c.beforeJson = write(before);
        c.afterJson = write(after);
        c.afterLevel = after.level();
        c.afterTerritory = after.territory();
        c.afterLeadCategory = after.lead() == null ? null : after.lead().category();
        c.afterLeadUnitId = after.lead() == null ? null : after.lead().unitId();
        corrections.persist(c);
        List<String> terms = learned.learn(incidentId, c.id, incident.title, text(incident), p.leadCategory, c.afterLeadCategory);
        List<String> places = List.of();
        if (after.territory() != null && !after.territory().equals(before.territory())) {
            String jurisdiction = territories.findCountyOrCityByName(after.territory()).map(t -> t.jurisdiction).orElse(null);
            places = aliases.learn(incidentId, c.id, incident.title, text(incident), jurisdiction, after.territory());
        }
        return new ProposalViews.CorrectionView(c.id, c.correctedBy, c.correctedAt, c.reason, before, after, terms, places);
    }

    private Snapshot snapshot(IncidentProposal p) {
        ClassificationView.AssigneeView lead = p.leadCategory == null ? null
                : new ClassificationView.AssigneeView(p.leadCategory, p.leadUnit, p.leadUnitId);
        return new Snapshot(p.level, p.territory, lead, coOf(p));
    }

    private List<ClassificationView.AssigneeView> coOf(IncidentProposal p) {
        return read(p.coJson, new TypeReference<List<ClassificationView.AssigneeView>>() { });
    }

    /** Summary and the posts' titles and bodies, capped (the title goes to the classifier separately). */
    private String text(Incident incident) {
        StringBuilder b = new StringBuilder(incident.summary == null ? "" : incident.summary);
        for (Post post : incident.posts) {
            if (b.length() >= config.maxIncidentText()) break;
            if (post.title != null) b.append('\n').append(post.title);
            if (post.body != null) b.append('\n').append(post.body);
        }
        return b.length() > config.maxIncidentText() ? b.substring(0, config.maxIncidentText()) : b.toString();
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String s, Class<T> type) {
        try {
            return json.readValue(s, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String s, TypeReference<T> type) {
        try {
            return json.readValue(s, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
