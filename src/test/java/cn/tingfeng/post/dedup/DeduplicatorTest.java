package cn.tingfeng.post.dedup;

import cn.tingfeng.post.ContentHash;
import cn.tingfeng.post.UrlCanonicalizer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class DeduplicatorTest {

    @Test
    void repostsOfRealPagesWithEditsAndOtherFurnitureAreNearDuplicatesOfTheirOriginal() {
        Assumptions.assumeTrue(Pages.present(), "../shared not present: skipping fixture test");
        List<String> pages = Pages.articleTexts();
        Deduplicator d = new Deduplicator();
        for (int i = 0; i < pages.size(); i++) {
            d.add("page-" + i, "https://origin.example/" + i, pages.get(i));
        }
        Random rnd = new Random(11);
        int found = 0;
        for (int i = 0; i < pages.size(); i++) {
            String repost = Reposts.repost(pages.get(i), pages.get((i + 7) % pages.size()), rnd);
            Deduplicator.Verdict v = d.check("https://mirror.example/a/" + i, repost);
            if (v.kind() == Deduplicator.Kind.NEAR_DUPLICATE && v.duplicateOf().equals("page-" + i)) {
                found++;
            } else {
                System.out.printf("repost of page %d not recognised: %s%n", i, v);
            }
        }
        System.out.printf("near-duplicate recall on %d reposted real pages: %d/%d%n", pages.size(), found, pages.size());
        assertThat(found).isGreaterThanOrEqualTo((int) Math.ceil(pages.size() * 0.95));
    }

    @Test
    void distinctRealPagesAreNotDuplicatesOfEachOther() {
        Assumptions.assumeTrue(Pages.present(), "../shared not present: skipping fixture test");
        List<String> pages = Pages.articleTexts();
        Deduplicator d = new Deduplicator();
        int flagged = 0;
        for (int i = 0; i < pages.size(); i++) {
            Deduplicator.Verdict v = d.add("page-" + i, "https://origin.example/" + i, pages.get(i));
            if (v.isDuplicate()) {
                flagged++;
                System.out.printf("page %d wrongly flagged: %s%n", i, v);
            }
        }
        assertThat(pages).hasSizeGreaterThan(50);
        assertThat(flagged).isZero();
    }

    @Test
    void sameTextWithDifferentWhitespacePunctuationWidthAndScriptIsAnExactDuplicate() {
        Deduplicator d = new Deduplicator();
        d.add("a", "https://a.example/1", "连云港灌云县同兴镇一化工企业储罐起火，浓烟数公里外可见。ABC 123");
        Deduplicator.Verdict v = d.check("https://b.example/2", " 連雲港灌云县同兴镇一化工企业储罐起火 浓烟数公里外可见！ａｂｃ１２３");
        assertThat(v.kind()).isEqualTo(Deduplicator.Kind.SAME_CONTENT);
        assertThat(v.duplicateOf()).isEqualTo("a");
    }

    @Test
    void sameUrlWithTrackingParametersIsAnExactDuplicate() {
        Deduplicator d = new Deduplicator();
        d.add("a", "https://News.Example.com/a/123.html?id=5&utm_source=wx", "正文一");
        Deduplicator.Verdict v = d.check("http://news.example.com:80/a/123.html?spm=1.2&id=5#comments", "正文二完全不同");
        assertThat(v.kind()).isEqualTo(Deduplicator.Kind.SAME_URL);
        assertThat(d.check("https://news.example.com/a/124.html?id=5", "正文三").isDuplicate()).isFalse();
    }

    @Test
    void shortDistinctPostsAboutTheSamePlaceAreNotNearDuplicates() {
        Deduplicator d = new Deduplicator();
        d.add("a", null, "连云港灌云县同兴镇一化工企业储罐区突发火灾，黑色浓烟在数公里外清晰可见，消防部门已调集力量扑救。");
        assertThat(d.check(null, "连云港灌南县三口镇附近居民反映，附近一家化工企业每到夜间就散发刺鼻气味，希望环保部门彻查。")
                .isDuplicate()).isFalse();
        assertThat(d.check(null, "【转】连云港灌云县同兴镇一化工企业储罐区突发火灾，黑色浓烟在数公里外清晰可见，消防部门已调集力量扑救！")
                .kind()).isEqualTo(Deduplicator.Kind.NEAR_DUPLICATE);
    }

    @Test
    void canonicalUrlDropsFragmentDefaultPortTrackingAndSortsParameters() {
        assertThat(UrlCanonicalizer.canonicalize("HTTPS://WWW.Example.COM:443/path/?b=2&utm_medium=x&a=1#top"))
                .isEqualTo("http://www.example.com/path?a=1&b=2");
        assertThat(UrlCanonicalizer.canonicalize("not a url")).isEqualTo("not a url");
        assertThat(ContentHash.of("a，b")).isEqualTo(ContentHash.of("Ａ b"));
    }
}
