package cn.tingfeng.jurisdiction.place;

import cn.tingfeng.jurisdiction.Jurisdiction;
import cn.tingfeng.jurisdiction.CountyLevelUnit;

import java.util.List;

/**
 * The places of one text. {@code jurisdiction} is null when none of ours is named;
 * {@code territories} are the distinct county-level units named (in order of first mention);
 * {@code ambiguous} when a shared name could not be settled by context; {@code confidence} 0..1.
 */
public record PlaceAnalysis(List<Mention> mentions, Jurisdiction jurisdiction, List<CountyLevelUnit> territories,
                            List<Mention> cityMentions, List<Mention> cityBodies, List<Mention> cityEntities,
                            List<Mention> outside, boolean localDetail, boolean ambiguous, double confidence) {
    public PlaceAnalysis {
        mentions = List.copyOf(mentions);
        territories = List.copyOf(territories);
        cityMentions = List.copyOf(cityMentions);
        cityBodies = List.copyOf(cityBodies);
        cityEntities = List.copyOf(cityEntities);
        outside = List.copyOf(outside);
    }

    public boolean ours() {
        return jurisdiction != null;
    }
}
