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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * In Chromium: the clerk attaches a PDF with a Chinese name to a response (the browser's own multipart encoding), a
 * disguised file is refused with the typed text kept; the analyst sees the file, the heat chart with its axes and the
 * merge and split forms. Screenshots in target/screenshots/.
 */
@QuarkusTest
class AttachmentBrowserTest {
    @Inject
    TestSources testSources;
    @Inject
    PostStore store;
    @Inject
    TestAccounts accounts;

    @TestHTTPResource("/")
    URL app;

    @Test
    void theClerkAttachesAFileInTheBrowserAndTheAnalystSeesIt() throws Exception {
        String key = "attb-" + UUID.randomUUID();
        String tag = "浏览器附件" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "");
        Source src = testSources.create(key);
        TestAccounts.as("t-analyst").body(Map.of("name", "浏览器附件-" + key, "rule", tag, "sources", List.of(src.key)))
                .post("/api/plans").then().statusCode(201);
        Instant now = Instant.now();
        Long post = null;
        for (int i = 0; i < 3; i++) {
            post = store.store(new PostStore.Incoming(src, "https://news.example.cn/" + key + "/" + i + ".html",
                    tag + "镇观光索道故障停运 数十名游客滞留半空", tag + "镇观光索道下午故障停运，数十名游客滞留半空一个多小时，景区称已全部安全转移。第" + i + "条，编号" + key,
                    "网友" + i, now.minus(Duration.ofMinutes(200 - 60 * i)), "weibo", null)).postId();
        }
        long incident = testSources.incidentOf(post);
        TestAccounts.as("t-analyst").body(Map.of("grade", "III", "reason", "停水影响居民")).post("/api/incidents/" + incident + "/regrade")
                .then().statusCode(200);
        long a = TestAccounts.as("t-analyst").body(Map.of("unitId", accounts.unitId(), "role", "lead"))
                .post("/api/incidents/" + incident + "/assignments").then().statusCode(201).extract().jsonPath().getLong("id");

        Path dir = Files.createTempDirectory("attb");
        Path pdf = dir.resolve("关于停水的情况通报.pdf");
        Files.writeString(pdf, "%PDF-1.4\n% 情况通报 " + key + "\n%%EOF\n", StandardCharsets.UTF_8);
        Path fake = dir.resolve("伪装的通报.pdf");
        Files.writeString(fake, "<html><body><script>alert(1)</script></body></html>", StandardCharsets.UTF_8);
        String base = "http://localhost:" + app.getPort();
        String published = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).minusMinutes(5).truncatedTo(ChronoUnit.MINUTES).toString();

        try (Browser browser = Browser.open()) {
            var driver = browser.driver;
            var wait = new WebDriverWait(driver, Duration.ofSeconds(20));
            browser.signIn(base, "t-department", TestAccounts.PASSWORD);

            // a disguised file first: refused, the text kept
            driver.get(base + "/app/tasks/" + a);
            fillResponse(browser, published, "停水情况通报（第一稿）", fake);
            wait.until(d -> d.getPageSource().contains("实际为网页（HTML）"));
            assertThat(driver.findElement(By.cssSelector("form[action$='/respond'] textarea[name=text]")).getAttribute("value"))
                    .isEqualTo("停水情况通报（第一稿）");
            assertThat(driver.getPageSource()).contains("附件没有保存，请重新选择文件");
            browser.screenshot("attachment-refused");

            // the real PDF: recorded, listed with its Chinese name
            driver.get(base + "/app/tasks/" + a);
            fillResponse(browser, published, "停水情况通报", pdf);
            wait.until(d -> d.getCurrentUrl().contains("done=respond"));
            assertThat(driver.getPageSource()).contains("关于停水的情况通报.pdf").contains("PDF 文件");
            driver.executeScript("arguments[0].scrollIntoView();", driver.findElement(By.xpath("//h2[.='回应记录']")));
            browser.screenshot("attachment-recorded");

            driver.manage().deleteAllCookies();
            browser.signIn(base, "t-analyst", TestAccounts.PASSWORD);
            driver.get(base + "/app/incidents/" + incident);
            assertThat(driver.getPageSource()).contains("横轴：时间（北京时间").contains("合并到其他事件").contains("拆分为新事件");
            driver.findElement(By.xpath("//details[summary='合并到其他事件']/summary")).click();
            driver.findElement(By.xpath("//details[summary='拆分为新事件']/summary")).click();
            browser.screenshot("incident-merge-split");
            driver.executeScript("arguments[0].scrollIntoView();", driver.findElement(By.cssSelector(".heat-chart")));
            browser.screenshot("incident-heat-axes");
            driver.findElement(By.xpath("//details[starts-with(summary, '办理记录')]/summary")).click();
            assertThat(driver.findElement(By.partialLinkText("关于停水的情况通报.pdf")).getAttribute("href")).contains("/app/attachments/");
            browser.screenshot("incident-history-attachment");
        }
    }

    private static void fillResponse(Browser browser, String published, String text, Path file) {
        var driver = browser.driver;
        driver.findElement(By.xpath("//details[summary='发布回应']/summary")).click();
        WebElement form = driver.findElement(By.cssSelector("form[action$='/respond']"));
        driver.executeScript("arguments[0].value = arguments[1];", form.findElement(By.name("publishedAt")), published);
        WebElement channel = form.findElement(By.name("channel"));
        channel.clear();
        channel.sendKeys("政府网站");
        WebElement t = form.findElement(By.name("text"));
        t.clear();
        t.sendKeys(text);
        form.findElement(By.name("file")).sendKeys(file.toAbsolutePath().toString());
        form.findElement(By.cssSelector("button[type=submit]")).click();
    }
}
