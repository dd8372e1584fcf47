package cn.tingfeng.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tingfeng.testsupport.Browser;
import cn.tingfeng.testsupport.MutableClock;
import cn.tingfeng.testsupport.TestAccounts;
import cn.tingfeng.testsupport.TestSources;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The CSRF attack of issue 10 in a real browser: an analyst signed in to Tingfeng opens a page served on another
 * port of the same host; the page submits a form that would dismiss an incident. Chromium sends the session cookie
 * (same site), the application refuses the request, the incident stays as it was. Then the analyst dismisses it
 * through the application's own form, which works.
 */
@QuarkusTest
class CsrfBrowserTest {
    @Inject
    TestSources testSources;
    @Inject
    MutableClock clock;

    @TestHTTPResource("/")
    URL app;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    long newIncident() {
        String tag = "浏览器跨站" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "");
        return testSources.explosionIncident(tag, tag + "仓库发生爆炸 已致1人死亡", tag + "一处仓库今天发生爆炸，事故造成1人死亡。",
                Instant.now().minus(Duration.ofMinutes(20)));
    }

    @Test
    void aPageOnAnotherPortCannotMakeTheAnalystsBrowserDismissAnIncident() throws Exception {
        long id = newIncident();
        String before = testSources.incidentStatus(id);
        String base = "http://localhost:" + app.getPort();
        HttpServer evil = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String page = "<!DOCTYPE html><html><head><meta charset=\"UTF-8\"><title>抽奖活动</title></head><body>"
                + "<form id=\"f\" method=\"post\" action=\"" + base + "/app/incidents/" + id + "/dismiss\">"
                + "<input name=\"reason\" value=\"跨站提交\"></form>"
                + "<script>document.getElementById('f').submit();</script></body></html>";
        evil.createContext("/", ex -> {
            byte[] body = page.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "text/html; charset=UTF-8");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        evil.start();
        try (Browser browser = Browser.open()) {
            var driver = browser.driver;
            var wait = new WebDriverWait(driver, Duration.ofSeconds(20));
            browser.signIn(base, "t-analyst", TestAccounts.PASSWORD);

            driver.get("http://localhost:" + evil.getAddress().getPort() + "/prize");
            wait.until(ExpectedConditions.urlContains("/app/incidents/" + id + "/dismiss"));
            wait.until(d -> d.getPageSource().contains("请求已拒绝"));
            browser.screenshot("csrf-refused");
            assertThat(testSources.incidentStatus(id)).isEqualTo(before);

            driver.get(base + "/app/incidents/" + id);
            driver.findElement(By.xpath("//details[summary='排除']/summary")).click();
            driver.findElement(By.cssSelector("form[action='/app/incidents/" + id + "/dismiss'] [name='reason']"))
                    .sendKeys("经核实与本地无关");
            driver.findElement(By.cssSelector("form[action='/app/incidents/" + id + "/dismiss'] button")).click();
            wait.until(d -> !d.getCurrentUrl().endsWith("/dismiss"));
            browser.screenshot("csrf-own-form-works");
            assertThat(testSources.incidentStatus(id)).isEqualTo("dismissed");
        } finally {
            evil.stop(0);
        }
    }
}
