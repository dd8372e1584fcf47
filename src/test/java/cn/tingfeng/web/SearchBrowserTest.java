package cn.tingfeng.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tingfeng.post.PostStore;
import cn.tingfeng.source.Source;
import cn.tingfeng.testsupport.Browser;
import cn.tingfeng.testsupport.TestAccounts;
import cn.tingfeng.testsupport.TestSources;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * 全文检索 in Chromium, as an analyst uses it: types words into the box and presses Enter, narrows by platform, reads
 * the marked hits (a hostile title stays text in the DOM), and downloads the hits with the page's own export links —
 * which must work with the browser's session (the API refuses sessions), as must the dashboard's export links.
 * Screenshot: {@code target/screenshots/search.png}.
 */
@QuarkusTest
class SearchBrowserTest {
    @Inject
    PostStore store;
    @Inject
    TestSources sources;

    @TestHTTPResource("/")
    URL app;

    @Test
    void anAnalystSearchesNarrowsReadsMarkedHitsAndExports() {
        String tag = "zb" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "x");
        Source news = sources.create("search-browser-news-" + tag);
        Source forum = sources.create("search-browser-forum-" + tag);
        Instant at = Instant.now().minus(Duration.ofHours(3));
        store.store(new PostStore.Incoming(news, "https://search-browser.example.cn/" + tag + "/1.html",
                "<img src=x onerror=alert(1)>孔望山景区停水" + tag, "游客反映 " + tag + " 孔望山景区昨天起停水，厕所无法使用。", "网友",
                at, "web", null));
        store.store(new PostStore.Incoming(forum, "https://search-browser.example.cn/" + tag + "/2.html", "孔望山景区停水了吗",
                "论坛网友 " + tag + " 询问孔望山景区是否停水。", "网友", at.plusSeconds(600), "forum", null));
        store.store(new PostStore.Incoming(news, "https://search-browser.example.cn/" + tag + "/3.html", "海州区小区停电",
                tag + " 小区停电两天。", "网友", at, "web", null));
        TestAccounts.as("t-admin").post("/api/search/backfill?batches=50").then().statusCode(200);

        String base = "http://localhost:" + app.getPort();
        try (Browser browser = Browser.open()) {
            var d = browser.driver;
            // a wait may read the page while the submitted form replaces it: retry then
            var wait = new WebDriverWait(d, Duration.ofSeconds(20)).ignoring(org.openqa.selenium.StaleElementReferenceException.class);
            browser.signIn(base, "t-analyst", TestAccounts.PASSWORD);
            d.manage().window().setSize(new Dimension(1280, 1400));
            d.get(base + "/app/search");
            WebElement box = d.findElement(By.name("q"));
            assertThat(d.switchTo().activeElement()).as("the cursor is in the search box").isEqualTo(box);
            box.sendKeys("孔望山 停水 " + tag, Keys.ENTER);
            wait.until(x -> x.findElement(By.tagName("main")).getText().contains("共 2 条结果"));
            List<WebElement> hits = d.findElements(By.cssSelector("ol.search-hits > li"));
            assertThat(hits).hasSize(2);
            assertThat(d.findElements(By.cssSelector("ol.search-hits mark"))).isNotEmpty();
            assertThat(d.findElements(By.cssSelector("ol.search-hits img"))).as("the hostile title is text, not an element").isEmpty();
            assertThat(d.findElement(By.tagName("main")).getText()).contains("<img src=x onerror=alert(1)>");
            browser.screenshot("search");

            new Select(d.findElement(By.name("platform"))).selectByVisibleText("论坛");
            d.findElement(By.cssSelector(".search-box button")).click();
            wait.until(x -> x.findElement(By.tagName("main")).getText().contains("共 1 条结果"));
            assertThat(d.findElement(By.tagName("main")).getText()).contains("孔望山景区停水了吗").doesNotContain("厕所无法使用");

            // the export links, fetched with the page's session as a click would: files, not a 401
            for (WebElement link : d.findElements(By.cssSelector("a[href*='/export?']"))) {
                assertThat(fetch(browser, link.getAttribute("href"))).as(link.getText()).matches("200 (application/vnd.openxmlformats|text/csv).*");
            }
            assertThat(d.findElements(By.cssSelector("a[href*='/export?']"))).hasSize(2);
            String csv = (String) d.executeAsyncScript("var cb = arguments[arguments.length - 1];"
                    + "fetch(document.querySelector(\"a[href*='format=csv']\").href).then(function (r) { return r.text(); }).then(cb);");
            assertThat(csv).contains("孔望山景区停水了吗").contains("论坛").doesNotContain("<mark>");
        }
        try (Browser browser = Browser.open()) {
            browser.signIn(base, "t-leader", TestAccounts.PASSWORD);
            browser.driver.get(base + "/app/dashboard");
            List<WebElement> links = browser.driver.findElements(By.cssSelector("a[href*='/export?']"));
            assertThat(links).hasSizeGreaterThanOrEqualTo(5);
            for (WebElement link : links) {
                assertThat(fetch(browser, link.getAttribute("href"))).as(link.getText()).matches("200 (application/vnd.openxmlformats|text/csv).*");
            }
        }
    }

    /** Status and type of a GET from the page, with its cookies (what following the link gives). */
    static String fetch(Browser browser, String href) {
        return (String) browser.driver.executeAsyncScript("var cb = arguments[arguments.length - 1];"
                + "fetch(arguments[0], { credentials: 'same-origin' }).then(function (r) { cb(r.status + ' ' + r.headers.get('content-type')); })"
                + ".catch(function (e) { cb('failed ' + e); });", href);
    }
}
