package cn.tingfeng.post;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlCanonicalizerTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "HTTP://WWW.LYG.GOV.CN:80/a/../news/1.html#top | http://www.lyg.gov.cn/news/1.html",
        "https://www.lyg.gov.cn | http://www.lyg.gov.cn/",
        "https://news.example.cn/a.html?utm_source=wx&id=7&spm=a2.b&from=timeline | http://news.example.cn/a.html?id=7",
        "https://news.example.cn/a.html?b=2&a=1 | http://news.example.cn/a.html?a=1&b=2",
        "https://m.example.cn/s?__biz=MzA&mid=1&idx=1&sn=ab&chksm=xx&scene=21 | http://m.example.cn/s?__biz=MzA&idx=1&mid=1&sn=ab",
        "https://example.cn:8443/x | http://example.cn:8443/x",
    })
    void removesTrackingAndNormalises(String in, String expected) {
        assertThat(UrlCanonicalizer.canonicalize(in)).isEqualTo(expected);
    }

    @Test
    void sameTextGivesSameHashWhateverTheWhitespace() {
        assertThat(ContentHash.of("标题", "第一段。\n\n第二段。")).isEqualTo(ContentHash.of("标题 ", "第一段。 第二段。"));
        assertThat(ContentHash.of("标题", "第一段。")).isNotEqualTo(ContentHash.of("标题", "第二段。"));
        assertThat(ContentHash.of("标题", "第一段。")).isNotEqualTo(ContentHash.of("新标题", "第一段。"));
    }
}
