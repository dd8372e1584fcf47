package cn.tingfeng.watch;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuleParserTest {

    private static Rule.Term t(String s) {
        return new Rule.Term(s, Field.ANY);
    }

    @Test
    void orBindsLooserThanAndAndWhitespaceIsAnd() {
        Rule r = RuleParser.parse("连云港 爆炸 OR 起火");
        assertThat(r).isEqualTo(new Rule.Or(List.of(new Rule.And(List.of(t("连云港"), t("爆炸"))), t("起火"))));
    }

    @Test
    void parenthesesGroupAndNotNegates() {
        Rule r = RuleParser.parse("连云港 AND (爆炸 OR 起火) AND NOT 演习");
        assertThat(r).isEqualTo(new Rule.And(List.of(t("连云港"), new Rule.Or(List.of(t("爆炸"), t("起火"))),
                new Rule.Not(t("演习")))));
    }

    @Test
    void acceptsFullWidthBracketsChineseQuotesAndMinusAsNot() {
        Rule r = RuleParser.parse("（灌云 | 灌南）& “化工 园区” -演练");
        assertThat(r).isEqualTo(new Rule.And(List.of(new Rule.Or(List.of(t("灌云"), t("灌南"))), t("化工 园区"),
                new Rule.Not(t("演练")))));
    }

    @Test
    void nearTakesDistanceAndFieldScopeAppliesToGroup() {
        Rule r = RuleParser.parse("连云港 NEAR/10 爆炸 title:(欠薪 OR 讨薪) 正文：\"工资\"");
        assertThat(r).isEqualTo(new Rule.And(List.of(
                new Rule.Near(t("连云港"), t("爆炸"), 10),
                new Rule.Or(List.of(new Rule.Term("欠薪", Field.TITLE), new Rule.Term("讨薪", Field.TITLE))),
                new Rule.Term("工资", Field.TEXT))));
    }

    @Test
    void termsAreNormalisedToHalfWidthLowerCaseSimplified() {
        assertThat(RuleParser.parse("連雲港 ＡＢＣ")).isEqualTo(new Rule.And(List.of(t("连云港"), t("abc"))));
    }

    @Test
    void hyphenInsideAWordIsPartOfTheWord() {
        assertThat(RuleParser.parse("COVID-19")).isEqualTo(t("covid-19"));
    }

    @Test
    void slotFormCompilesToTheSameRuleAsTheExpression() {
        SlotRule slots = new SlotRule(List.of("连云港", "灌云"), List.of("化工"), List.of("爆炸", "起火"), List.of("演练"));
        assertThat(slots.toRule()).isEqualTo(RuleParser.parse("(连云港 OR 灌云) 化工 (爆炸 OR 起火) NOT 演练"));
    }

    @Test
    void slotFormWithOnlyExclusionsIsRejected() {
        assertThatThrownBy(() -> new SlotRule(List.of(), List.of(" "), null, List.of("演练")).toRule())
                .isInstanceOf(RuleSyntaxException.class);
    }

    @Test
    void missingRightParenthesisReportsTheEndPosition() {
        // "(连云港 OR 灌云 爆炸" has 13 characters: the parenthesis is missing at character 14
        assertError("(连云港 OR 灌云 爆炸", 14, "第 14 个字符处缺少右括号");
    }

    @Test
    void missingRightParenthesisBeforeTheNextTokenIsReportedThere() {
        assertError("title:(欠薪 OR (讨薪) 工资", 21, "缺少右括号");
    }

    @Test
    void extraRightParenthesisIsReportedAtItsPosition() {
        assertError("连云港 爆炸) 起火", 7, "第 7 个字符处有多余的右括号");
    }

    @Test
    void unclosedQuoteIsReportedAtTheOpeningQuote() {
        assertError("连云港 \"化工 园区", 5, "第 5 个字符处的引号没有闭合");
    }

    @Test
    void operatorWithoutOperandIsReported() {
        assertError("连云港 AND", 8, "缺少检索词");
        assertError("OR 爆炸", 1, "缺少检索词");
        assertError("连云港 OR OR 爆炸", 8, "缺少检索词");
    }

    @Test
    void emptyParenthesesAreReported() {
        assertError("连云港 ()", 6, "括号内缺少检索词");
    }

    @Test
    void badNearDistanceIsReported() {
        assertError("连云港 NEAR/x 爆炸", 5, "NEAR 距离");
        assertError("连云港 NEAR/1001 爆炸", 5, "NEAR 距离");
    }

    @Test
    void nearNeedsSingleTermsOnBothSides() {
        assertError("连云港 NEAR/5 (爆炸 OR 起火)", 12, "单个词或引号短语");
        assertError("(连云港 OR 灌云) NEAR/5 爆炸", 13, "NEAR 两侧必须是单个词或引号短语");
    }

    @Test
    void ruleWithOnlyNegatedTermsIsRejected() {
        assertError("NOT 演习", 1, "不带 NOT 的检索词");
        assertError("-演习 OR -演练", 1, "不带 NOT 的检索词");
    }

    @Test
    void emptyRuleIsRejectedAndCheckReportsNoErrorForValidRule() {
        assertError("   ", 1, "规则为空");
        assertThat(RuleParser.check("连云港 爆炸")).isEmpty();
        assertThat(RuleParser.check("连云港 (爆炸")).hasValueSatisfying(e -> assertThat(e.position()).isEqualTo(8));
    }

    private static void assertError(String rule, int position, String messagePart) {
        assertThatThrownBy(() -> RuleParser.parse(rule))
                .isInstanceOfSatisfying(RuleSyntaxException.class, e -> {
                    assertThat(e.position()).as(e.getMessage()).isEqualTo(position);
                    assertThat(e.getMessage()).contains(messagePart);
                });
    }
}
