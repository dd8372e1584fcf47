package cn.tingfeng.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tingfeng.shared.ApiException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchTermsTest {
    private final SearchTerms terms = new SearchTerms(List.of("映山岭", "灌南县", "孔望山", "孔望山景区", "新浦"));
    private final SearchTerms plain = new SearchTerms(List.of());

    @Test
    void placeNamesOfTheUserDictionaryStayOneTerm() {
        Map<String, Integer> idx = terms.index("映山岭村民反映停水", "灌南县映山岭一带连续三天停水，孔望山景区也受影响。");
        assertThat(idx).containsKeys("映山岭", "灌南县", "孔望山", "停水");
        assertThat(idx.keySet()).noneMatch(t -> t.equals("山岭") || t.equals("映山"));
        // without the dictionary HanLP cuts the name apart
        assertThat(plain.index("映山岭村民反映停水", "").keySet()).doesNotContain("映山岭");
    }

    @Test
    void aLongerNameIsIndexedWithTheNamesInsideIt() {
        Map<String, Integer> idx = terms.index("", "孔望山景区今日闭园");
        assertThat(idx).containsKeys("孔望山景区", "孔望山");
        assertThat(terms.parse("孔望山").terms()).containsExactly("孔望山");
        assertThat(terms.parse("孔望山景区").terms()).containsExactly("孔望山景区");
    }

    @Test
    void titleOccurrencesWeighMoreThanBodyOnes() {
        Map<String, Integer> idx = terms.index("停水", "停水 停水");
        assertThat(idx.get("停水")).isEqualTo(SearchTerms.TITLE_WEIGHT + 2);
    }

    @Test
    void twoCharacterWordsAreTermsAndFoundByTheSameSegmentation() {
        Map<String, Integer> idx = terms.index("", "小区昨晚停电，居民投诉物业。");
        SearchTerms.Query q = terms.parse("停电");
        assertThat(q.terms()).containsExactly("停电");
        assertThat(idx).containsKeys(q.terms().toArray(String[]::new));
        assertThat(terms.parse("投诉").terms()).allMatch(idx::containsKey);
    }

    @Test
    void wordsOfAQueryAreAllRequired() {
        SearchTerms.Query q = terms.parse("映山岭 停水");
        assertThat(q.terms()).containsExactly("映山岭", "停水");
        assertThat(q.substrings()).isEmpty();
        // written together, segmented the same way as the posts
        assertThat(terms.parse("映山岭停水").terms()).containsExactly("映山岭", "停水");
    }

    @Test
    void aQuotedPhraseRequiresItsTermsAndTheExactSequence() {
        SearchTerms.Query q = terms.parse("“小区停电” 投诉");
        assertThat(q.terms()).contains("小区", "停电", "投诉");
        assertThat(q.substrings()).containsExactly("小区停电");
        assertThat(terms.parse("\"停电\"").substrings()).isEmpty();  // one word: the term is the phrase
    }

    @Test
    void aSingleCharacterNarrowsButNeverSearchesAlone() {
        SearchTerms.Query q = terms.parse("停水 冷");
        assertThat(q.terms()).containsExactly("停水");
        assertThat(q.substrings()).containsExactly("冷");
        assertThatThrownBy(() -> terms.parse("水")).isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).details().get(0).field()).isEqualTo("q"));
    }

    @Test
    void emptyPunctuationOrOverlongQueriesAreRefusedNamingQ() {
        for (String bad : new String[]{"", "  ", "，。！", "的", "停".repeat(SearchTerms.MAX_QUERY + 1)}) {
            assertThatThrownBy(() -> terms.parse(bad)).as(bad).isInstanceOf(ApiException.class);
        }
    }

    @Test
    void traditionalAndFullWidthFormsMeetTheSimplifiedOnes() {
        assertThat(terms.index("停電", "").keySet()).contains("停电");
        assertThat(terms.parse("ＡＢＣ公司").terms()).isEqualTo(terms.parse("abc公司").terms());
    }

    @Test
    void snippetsEscapeTheCrawledTextBeforeMarkingHits() {
        String html = Snippets.mark("<script>alert('停水')</script>", List.of("停水"));
        assertThat(html).isEqualTo("&lt;script&gt;alert(&#39;<mark>停水</mark>&#39;)&lt;/script&gt;");
        String s = Snippets.snippet("前言".repeat(100) + "映山岭停水" + "后记".repeat(100), List.of("映山岭", "停水"));
        assertThat(s).startsWith("…").endsWith("…").contains("<mark>映山岭停水</mark>");
        assertThat(Snippets.plain("a<b>停水", List.of("停水"))).isEqualTo("a<b>停水");
    }
}
