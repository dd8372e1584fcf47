package cn.tingfeng.shared.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextNormalizerTest {

    @Test
    void foldsWidthCaseAndTraditionalCharactersKeepingLength() {
        String original = "連雲港ＡＢＣ１２３，Hello　世界！";
        String n = TextNormalizer.normalize(original);
        assertThat(n).isEqualTo("连云港abc123,hello 世界!");
        assertThat(n).hasSameSizeAs(original);
    }

    @Test
    void contentCharsDropPunctuationAndWhitespace() {
        assertThat(TextNormalizer.contentChars(" 灌云县，同兴镇！ A-1 ")).isEqualTo("灌云县同兴镇a1");
        assertThat(TextNormalizer.contentChars(null)).isEmpty();
    }

    @Test
    void surrogatePairsPassThroughUnchanged() {
        String emoji = "爆炸😱现场";
        assertThat(TextNormalizer.normalize(emoji)).isEqualTo(emoji);
    }
}
