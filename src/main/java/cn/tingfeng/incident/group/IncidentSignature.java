package cn.tingfeng.incident.group;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the grouper needs to know about an open incident: centroid vectors, places, entities and kinds of happening seen,
 * first and last publication time and the number of posts. A service stores it (e.g. as JSON) with the
 * incident and updates it with {@link #absorb} when a post joins.
 */
public record IncidentSignature(String incidentId, Map<String, Double> words, Map<String, Double> bigrams,
                                Set<String> places, Set<String> entities, Set<String> events, Instant firstSeen,
                                Instant lastSeen, int postCount) {

    /** Largest number of dimensions kept per centroid. */
    public static final int KEEP = 400;

    public IncidentSignature {
        words = Map.copyOf(words);
        bigrams = Map.copyOf(bigrams);
        places = Set.copyOf(places);
        entities = Set.copyOf(entities);
        events = Set.copyOf(events);
    }

    public static IncidentSignature start(String incidentId, PostFeatures f, Instant publishedAt) {
        return new IncidentSignature(incidentId, f.words(), f.bigrams(), f.places(), f.entities(), f.events(), publishedAt,
                publishedAt, 1);
    }

    public IncidentSignature absorb(PostFeatures f, Instant publishedAt) {
        Set<String> p = new LinkedHashSet<>(places);
        p.addAll(f.places());
        Set<String> e = new LinkedHashSet<>(entities);
        e.addAll(f.entities());
        Set<String> ev = new LinkedHashSet<>(events);
        ev.addAll(f.events());
        Instant first = publishedAt.isBefore(firstSeen) ? publishedAt : firstSeen;
        Instant last = publishedAt.isAfter(lastSeen) ? publishedAt : lastSeen;
        return new IncidentSignature(incidentId, Vectors.centroid(words, postCount, f.words(), KEEP),
                Vectors.centroid(bigrams, postCount, f.bigrams(), KEEP), p, e, ev, first, last, postCount + 1);
    }
}
