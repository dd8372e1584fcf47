package cn.tingfeng.jurisdiction.duty;

import java.util.List;

/** The score of one category and the words (or reasons) that produced it, strongest first. */
public record CategoryScore(String category, double score, List<String> triggers) {
    public CategoryScore {
        triggers = List.copyOf(triggers);
    }
}
