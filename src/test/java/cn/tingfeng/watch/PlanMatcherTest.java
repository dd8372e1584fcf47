package cn.tingfeng.watch;

import cn.tingfeng.shared.text.TextNormalizer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class PlanMatcherTest {

    private static final String TITLE = "连云港一化工园区发生爆炸";
    private static final String TEXT = "据网传消息，連雲港某化工园区一企业发生爆炸，造成多人受伤。官方称不是演习。";

    @Test
    void matchesAcrossTraditionalAndSimplifiedAndKeepsEvidencePositionsInTheOriginal() {
        PlanMatcher m = PlanMatcher.compile(List.of(PlanRule.of("p1", 3, "连云港 AND 爆炸")));
        List<PlanMatch> matches = m.match(TITLE, TEXT);
        assertThat(matches).hasSize(1);
        PlanMatch pm = matches.get(0);
        assertThat(pm.planId()).isEqualTo("p1");
        assertThat(pm.version()).isEqualTo(3);
        assertThat(pm.evidence()).contains(
                new Evidence("连云港", Field.TITLE, 0, 3),
                new Evidence("爆炸", Field.TITLE, 10, 12),
                new Evidence("连云港", Field.TEXT, 6, 9));
        Evidence traditional = pm.evidence().stream().filter(e -> e.field() == Field.TEXT && e.term().equals("连云港"))
                .findFirst().orElseThrow();
        assertThat(TEXT.substring(traditional.start(), traditional.end())).isEqualTo("連雲港");
        assertThat(Highlighter.highlight(TITLE, pm.evidence(), Field.TITLE))
                .isEqualTo("<mark>连云港</mark>一化工园区发生<mark>爆炸</mark>");
    }

    @Test
    void notExcludesAndExcludedTermsAreNoEvidence() {
        PlanMatcher m = PlanMatcher.compile(List.of(
                PlanRule.of("excluded", 1, "连云港 爆炸 NOT 演习"),
                PlanRule.of("kept", 1, "连云港 爆炸 NOT 演练")));
        List<PlanMatch> matches = m.match(TITLE, TEXT);
        assertThat(matches).extracting(PlanMatch::planId).containsExactly("kept");
        assertThat(matches.get(0).evidence()).extracting(Evidence::term).doesNotContain("演练");
    }

    @Test
    void proximityCountsCharactersBetweenTheTerms() {
        // in TEXT "連雲港" ends at 9, "爆炸" starts at 19: ten characters between them
        PlanMatcher m = PlanMatcher.compile(List.of(
                PlanRule.of("near10", 1, "text:连云港 NEAR/10 爆炸"),
                PlanRule.of("near9", 1, "text:连云港 NEAR/9 爆炸"),
                PlanRule.of("reversed", 1, "爆炸 NEAR/0 发生")));
        assertThat(m.match("", TEXT)).extracting(PlanMatch::planId).containsExactly("near10", "reversed");
    }

    @Test
    void fieldScopeRestrictsTheTermToTitleOrText() {
        PlanMatcher m = PlanMatcher.compile(List.of(
                PlanRule.of("title-only", 1, "title:受伤"),
                PlanRule.of("text-only", 1, "正文:受伤"),
                PlanRule.of("title-phrase", 1, "标题:\"化工园区\"")));
        assertThat(m.match(TITLE, TEXT)).extracting(PlanMatch::planId).containsExactly("text-only", "title-phrase");
    }

    @Test
    void slotPlansAndExpressionPlansShareOneAutomaton() {
        PlanMatcher m = PlanMatcher.compile(List.of(
                PlanRule.of("slot", 2, new SlotRule(List.of("灌云", "连云港"), List.of("化工"), List.of("爆炸", "泄漏"),
                        List.of("演练"))),
                PlanRule.of("other", 1, "南通 AND 爆炸")));
        assertThat(m.termCount()).isEqualTo(7);
        assertThat(m.match(TITLE, TEXT)).extracting(PlanMatch::planId).containsExactly("slot");
        assertThat(m.match("南通一化工厂爆炸", "")).extracting(PlanMatch::planId).containsExactly("other");
        assertThat(m.match("", "演练：连云港化工厂爆炸")).isEmpty();
    }

    @Test
    void noPlansMatchNothing() {
        assertThat(PlanMatcher.compile(List.of()).match(TITLE, TEXT)).isEmpty();
    }

    @Test
    void automatonAgreesWithNaiveEvaluatorOnRandomRulesAndTexts() {
        Random rnd = new Random(20261121L);
        String alphabet = "连云港灌南爆炸化工欠薪abＡB 。";
        List<PlanRule> plans = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            Rule r;
            do {
                r = randomRule(rnd, alphabet, 3);
            } while (!Rule.requiresHit(r));
            plans.add(new PlanRule("p" + i, 1, r));
        }
        PlanMatcher m = PlanMatcher.compile(plans);
        int agreedPositive = 0;
        for (int k = 0; k < 1500; k++) {
            String title = randomText(rnd, alphabet, rnd.nextInt(8));
            String text = randomText(rnd, alphabet, rnd.nextInt(40));
            List<String> got = m.match(title, text).stream().map(PlanMatch::planId).toList();
            List<String> expected = plans.stream().filter(p -> NaiveRuleEvaluator.matches(p.rule(), title, text))
                    .map(PlanRule::planId).toList();
            assertThat(got).as("title=%s text=%s", title, text).isEqualTo(expected);
            agreedPositive += expected.size();
        }
        // the random rules must be neither always nor never true for the comparison to mean something
        assertThat(agreedPositive).isBetween(1500, 400 * 1500 / 2);
    }

    private static Rule randomRule(Random rnd, String alphabet, int depth) {
        int kind = depth == 0 ? 0 : rnd.nextInt(6);
        switch (kind) {
            case 1: {
                List<Rule> c = new ArrayList<>();
                for (int i = 0, n = 2 + rnd.nextInt(2); i < n; i++) {
                    c.add(randomRule(rnd, alphabet, depth - 1));
                }
                return new Rule.And(c);
            }
            case 2: {
                List<Rule> c = new ArrayList<>();
                for (int i = 0, n = 2 + rnd.nextInt(2); i < n; i++) {
                    c.add(randomRule(rnd, alphabet, depth - 1));
                }
                return new Rule.Or(c);
            }
            case 3:
                return new Rule.Not(randomRule(rnd, alphabet, depth - 1));
            case 4:
                return new Rule.Near(randomTerm(rnd, alphabet), randomTerm(rnd, alphabet), rnd.nextInt(6));
            default:
                return randomTerm(rnd, alphabet);
        }
    }

    private static Rule.Term randomTerm(Random rnd, String alphabet) {
        String s;
        do {
            s = randomText(rnd, alphabet, 1 + rnd.nextInt(2));
        } while (TextNormalizer.normalize(s).isBlank());
        Field f = Field.values()[rnd.nextInt(5) < 3 ? 0 : 1 + rnd.nextInt(2)];
        return new Rule.Term(s, f);
    }

    private static String randomText(Random rnd, String alphabet, int len) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < len; i++) {
            b.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
        }
        return b.toString();
    }
}
