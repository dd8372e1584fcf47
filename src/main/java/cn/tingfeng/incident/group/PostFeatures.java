package cn.tingfeng.incident.group;

import java.util.Map;
import java.util.Set;

/**
 * What grouping compares: TF-IDF word weights and character-bigram weights (both L2-normalised), the
 * places (with ancestors), other named entities (people, organisations) and the kinds of happening
 * ({@link EventTypes}).
 */
public record PostFeatures(Map<String, Double> words, Map<String, Double> bigrams, Set<String> places,
                           Set<String> entities, Set<String> events) {
    public PostFeatures {
        words = Map.copyOf(words);
        bigrams = Map.copyOf(bigrams);
        places = Set.copyOf(places);
        entities = Set.copyOf(entities);
        events = Set.copyOf(events);
    }
}
