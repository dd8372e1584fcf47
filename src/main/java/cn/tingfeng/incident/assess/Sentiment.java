package cn.tingfeng.incident.assess;

import java.util.List;

/** Sentiment of a text: label, score in [-1, 1] and the words that decided it. */
public record Sentiment(Label label, double score, List<Hit> evidence) {

    public enum Label {
        NEGATIVE("负面"), NEUTRAL("中性"), POSITIVE("正面");

        private final String chinese;

        Label(String chinese) {
            this.chinese = chinese;
        }

        public String chinese() {
            return chinese;
        }
    }

    /** A lexicon word at [start, end) of the analysed text, with its effective weight (after negation). */
    public record Hit(String word, int start, int end, double weight, boolean negated) {
    }

    public Sentiment {
        evidence = List.copyOf(evidence);
    }
}
