package cn.tingfeng.incident.group;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Incremental grouping of posts into incidents. For each post the service passes the signatures of the
 * open incidents; the grouper answers join (with the score) or new. Only incidents within the time window
 * are considered. Score = textWeight × text similarity (mean of word TF-IDF cosine and character-bigram
 * cosine) + placeWeight × place agreement + eventWeight × agreement on the kind of happening + entityWeight
 * × entity overlap.
 *
 * <p>Place agreement: the specificity of the most specific shared non-generic place (a shared town 1.0, a
 * shared county 0.6, a shared place known only to NER 0.8 — unless both name gazetteer places, then only those
 * count); a conflict when both name gazetteer places below the generic level and share none; 0.4 when either
 * names none. Kind of happening: 1 when shared, a
 * conflict when both name kinds and share none, 0.5 otherwise. A conflict forbids joining.
 */
public final class IncidentGrouper {

    private final GroupingConfig config;
    private final FeatureExtractor features;
    private final PlaceSet places;

    public IncidentGrouper(GroupingConfig config, PlaceSet places) {
        this.config = config;
        this.places = places;
        this.features = new FeatureExtractor(places);
    }

    public PostFeatures features(GroupPost post) {
        return features.extract(post.title(), post.text());
    }

    public GroupingDecision decide(GroupPost post, Collection<IncidentSignature> open) {
        return decide(features(post), post.publishedAt(), open);
    }

    public GroupingDecision decide(PostFeatures f, Instant publishedAt, Collection<IncidentSignature> open) {
        IncidentSignature best = null;
        GroupingDecision.Score bestScore = null;
        for (IncidentSignature s : open) {
            if (publishedAt.isBefore(s.firstSeen().minus(config.window()))
                    || publishedAt.isAfter(s.lastSeen().plus(config.window()))) {
                continue;
            }
            GroupingDecision.Score score = score(f, s);
            if (bestScore == null || rank(score) > rank(bestScore)) {
                best = s;
                bestScore = score;
            }
        }
        if (best != null && !bestScore.conflict() && bestScore.text() >= config.minText()
                && bestScore.total() >= config.joinScore()) {
            return new GroupingDecision.Join(best.incidentId(), bestScore);
        }
        return new GroupingDecision.New(best == null ? null : best.incidentId(), bestScore);
    }

    private static double rank(GroupingDecision.Score s) {
        return s.conflict() ? s.total() - 1 : s.total();
    }

    public GroupingDecision.Score score(PostFeatures f, IncidentSignature s) {
        double text = 0.5 * Vectors.cosine(f.words(), s.words()) + 0.5 * Vectors.cosine(f.bigrams(), s.bigrams());
        double place = placeAgreement(f.places(), s.places());
        double event;
        if (f.events().isEmpty() || s.events().isEmpty()) {
            event = 0.5;
        } else {
            Set<String> shared = new HashSet<>(f.events());
            shared.retainAll(s.events());
            event = shared.isEmpty() ? -1 : 1;
        }
        double entity = 0;
        if (!f.entities().isEmpty() && !s.entities().isEmpty()) {
            Set<String> shared = new HashSet<>(f.entities());
            shared.retainAll(s.entities());
            entity = shared.size() / (double) Math.min(f.entities().size(), s.entities().size());
        }
        boolean conflict = place < 0 || event < 0;
        double total = config.textWeight() * text + config.placeWeight() * Math.max(0, place)
                + config.eventWeight() * Math.max(0, event) + config.entityWeight() * entity;
        return new GroupingDecision.Score(total, text, Math.max(0, place), Math.max(0, event), entity, conflict);
    }

    /** Negative for a conflict. */
    private double placeAgreement(Set<String> a, Set<String> b) {
        // Both name places of the gazetteer: only a shared gazetteer place agrees (a place word known only to NER,
        // such as a bare 街道 or 开发区 cut out of two different street names, must not bridge two districts).
        boolean bothKnown = hasKnownSpecific(a) && hasKnownSpecific(b);
        double best = -1;
        for (String p : a) {
            if (b.contains(p) && isSpecific(p)) {
                double spec = places.specificity(p);
                if (spec >= 0) {
                    best = Math.max(best, spec);
                } else if (!bothKnown) {
                    best = Math.max(best, 0.8);
                }
            }
        }
        if (best >= 0) {
            return best;
        }
        return bothKnown ? -1 : 0.4;
    }

    private boolean isSpecific(String p) {
        return !config.genericPlaces().contains(p) && places.specificity(p) != 0;
    }

    private boolean hasKnownSpecific(Set<String> ps) {
        for (String p : ps) {
            if (!config.genericPlaces().contains(p) && places.specificity(p) > 0) {
                return true;
            }
        }
        return false;
    }
}
