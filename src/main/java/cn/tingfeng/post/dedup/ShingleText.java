package cn.tingfeng.post.dedup;

import cn.tingfeng.shared.text.TextNormalizer;

/**
 * Chooses the part of a text that de-duplication compares. Page furniture (navigation, link lists, hot
 * lists, footers) comes as short runs without sentence punctuation; prose comes as runs that contain
 * it. When a text has enough prose, only the prose runs are compared; otherwise the whole text is.
 */
public final class ShingleText {

    /** Content characters of prose needed before furniture is dropped. */
    static final int MIN_PROSE = 120;

    private ShingleText() {
    }

    /** The normalised content characters that are shingled. */
    public static String of(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder prose = new StringBuilder();
        for (String run : text.split("[\\s\\u3000\\u00A0]+")) {
            if (run.length() >= 10 && hasSentencePunctuation(run)) {
                prose.append(run);
            }
        }
        String p = TextNormalizer.contentChars(prose);
        return p.length() >= MIN_PROSE ? p : TextNormalizer.contentChars(text);
    }

    private static boolean hasSentencePunctuation(String run) {
        for (int i = 0; i < run.length(); i++) {
            switch (run.charAt(i)) {
                case '，', '。', '！', '？', '；', '：', '、', ',', ';' -> {
                    return true;
                }
                default -> {
                }
            }
        }
        return false;
    }
}
