package cn.tingfeng.incident.assess;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SentimentAnalyzerTest {

    private static final SentimentAnalyzer ANALYZER = SentimentAnalyzer.shipped();

    @Test
    void shippedLexiconIsSimplifiedAndHasDomainWords() {
        SentimentLexicon l = SentimentLexicon.shipped();
        assertThat(l.weights().size()).isGreaterThan(15_000);
        assertThat(l.weights().containsKey("一下子爆发")).isTrue();
        assertThat(l.weights().containsKey("一下子爆發")).isFalse();
        assertThat(l.weights().get("欠薪")).isLessThan(-1);
        assertThat(l.weights().get("点赞")).isPositive();
    }

    @Test
    void disasterReportIsNegativeWithEvidence() {
        Sentiment s = ANALYZER.analyze("连云港一化工园区发生重大爆炸事故，已造成15人遇难、数十人受伤。");
        assertThat(s.label()).isEqualTo(Sentiment.Label.NEGATIVE);
        assertThat(s.score()).isLessThan(-0.5);
        assertThat(s.evidence()).extracting(Sentiment.Hit::word).contains("爆炸", "遇难");
    }

    @Test
    void praiseIsPositiveAndPlainNoticeIsNeutral() {
        assertThat(ANALYZER.analyze("市民纷纷点赞环卫工人的暖心举动，感谢他们的辛勤付出。").label())
                .isEqualTo(Sentiment.Label.POSITIVE);
        Sentiment notice = ANALYZER.analyze("连云港市气象台发布天气预报，明天多云，气温12到20度。");
        assertThat(notice.label()).as(notice.toString()).isEqualTo(Sentiment.Label.NEUTRAL);
    }

    @Test
    void negationReversesAtHalfStrength() {
        Sentiment plain = ANALYZER.analyze("游客对景区服务满意。");
        Sentiment negated = ANALYZER.analyze("游客对景区服务不满意。");
        assertThat(plain.score()).isPositive();
        assertThat(negated.score()).isNegative();
        Sentiment noCasualties = ANALYZER.analyze("目前暂无人员伤亡。");
        assertThat(noCasualties.evidence()).anySatisfy(h -> {
            assertThat(h.word()).isEqualTo("伤亡");
            assertThat(h.negated()).isTrue();
        });
        assertThat(noCasualties.label()).isNotEqualTo(Sentiment.Label.NEGATIVE);
    }

    @Test
    void traditionalTextIsReadThroughNormalisation() {
        assertThat(ANALYZER.analyze("工廠發生爆炸，多人死亡。").label()).isEqualTo(Sentiment.Label.NEGATIVE);
    }

    @Test
    void mostComplaintPostsOfTheDevelopmentSetAreNegative() throws Exception {
        Path f = Path.of(System.getProperty("tingfeng.shared", "../shared")).resolve("fixtures/classify-dev.jsonl");
        Assumptions.assumeTrue(Files.isRegularFile(f), "../shared not present: skipping fixture test");
        ObjectMapper om = new ObjectMapper();
        List<String> lines = Files.readAllLines(f).stream().filter(l -> !l.isBlank()).toList();
        int negative = 0;
        for (String line : lines) {
            JsonNode n = om.readTree(line);
            Sentiment s = ANALYZER.analyze(n.get("title").asText() + "。" + n.get("text").asText());
            System.out.printf("%s %s %.2f %s%n", n.get("id").asText(), s.label(), s.score(),
                    s.evidence().stream().map(h -> h.word() + (h.negated() ? "(否)" : "")).toList());
            negative += s.label() == Sentiment.Label.NEGATIVE ? 1 : 0;
        }
        System.out.printf("negative: %d/%d%n", negative, lines.size());
        assertThat(negative).isGreaterThanOrEqualTo((int) Math.ceil(lines.size() * 0.8));
    }
}
