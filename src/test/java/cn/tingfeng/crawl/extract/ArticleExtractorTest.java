package cn.tingfeng.crawl.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArticleExtractorTest {

    final ArticleExtractor extractor = new ArticleExtractor(Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneId.of("Asia/Shanghai")));

    static String page(String info, String extraHead) {
        return "<html><head><title>灌云县开展农村人居环境整治_灌云县人民政府</title>" + extraHead + "</head><body>"
                + "<ul class=menu><li><a href=/1>首页</a></li><li><a href=/2>走进灌云</a></li><li><a href=/3>政务公开</a></li></ul>"
                + "<div class=article><h1>灌云县开展农村人居环境整治</h1><div class=meta>" + info + "</div>"
                + "<p>近日，灌云县在全县各乡镇开展农村人居环境整治行动，重点清理房前屋后垃圾和河塘沟渠。</p>"
                + "<p>县农业农村局有关负责人表示，整治行动将持续三个月，并纳入年度考核。</p>"
                + "<div class=share>分享到：微信 微博</div></div>"
                + "<div id=comments><h3>网友评论</h3><p>说得好，希望长期坚持下去，不要一阵风！</p></div>"
                + "<div class=footer>版权所有：灌云县人民政府 地址：灌云县伊山镇</div></body></html>";
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "发布时间：2023年5月6日 10:20 | 2023-05-06T10:20",
        "2023-05-06 10:20:33 来源：灌云县融媒体中心 | 2023-05-06T10:20:33",
        "日期：2023/5/6 | 2023-05-06",
        "二〇二三年五月六日 | 2023-05-06",
        "发布于 2023.05.06 下午3:05 | 2023-05-06T15:05",
    })
    void readsChineseDateForms(String info, String expected) {
        ExtractedArticle a = extractor.extract(page(info, ""), "http://example.test/a.html");
        assertThat(a.publishedAtIso()).isEqualTo(expected);
    }

    @Test
    void keepsDateWithoutTimeAsLocalDate() {
        ExtractedArticle a = extractor.extract(page("2023-05-06", ""), null);
        assertThat(a.publishedAt()).isInstanceOf(LocalDate.class);
        assertThat(a.publishedDate()).isEqualTo(LocalDate.of(2023, 5, 6));
    }

    @Test
    void metaAndJsonLdWinOverText() {
        ExtractedArticle meta = extractor.extract(page("2020-01-01", "<meta property=\"article:published_time\" content=\"2023-05-06T10:20:00+08:00\">"), null);
        assertThat(meta.publishedAt()).isEqualTo(LocalDateTime.of(2023, 5, 6, 10, 20));
        ExtractedArticle ld = extractor.extract(page("", "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":\"2023-05-07T08:00:00+08:00\",\"author\":{\"name\":\"王记者\"}}</script>"), null);
        assertThat(ld.publishedAt()).isEqualTo(LocalDateTime.of(2023, 5, 7, 8, 0));
        assertThat(ld.author()).isEqualTo("王记者");
    }

    @Test
    void futureDatesAreNotPublicationDates() {
        ExtractedArticle a = extractor.extract(page("2099-01-01 10:00", ""), null);
        assertThat(a.publishedAt()).isNull();
    }

    @Test
    void keepsTheArticleAndDropsNavigationShareCommentsAndFooter() {
        ExtractedArticle a = extractor.extract(page("来源：灌云县融媒体中心 作者：张三", ""), null);
        assertThat(a.title()).isEqualTo("灌云县开展农村人居环境整治");
        assertThat(a.body()).contains("重点清理房前屋后垃圾和河塘沟渠").contains("纳入年度考核")
                .doesNotContain("走进灌云").doesNotContain("分享到").doesNotContain("不要一阵风").doesNotContain("版权所有");
        assertThat(a.author()).isEqualTo("张三");
    }

    @Test
    void emptyOrHostilePagesGiveEmptyResultsNotErrors() {
        assertThat(extractor.extract("", null).body()).isEmpty();
        StringBuilder deep = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            deep.append("<div>");
        }
        deep.append("正文。");
        assertThat(extractor.extract(deep.toString(), null).body()).isNotNull();
    }
}
