package cn.tingfeng.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tingfeng.post.PostStore;
import cn.tingfeng.source.Source;
import cn.tingfeng.testsupport.Browser;
import cn.tingfeng.testsupport.MutableClock;
import cn.tingfeng.testsupport.TestAccounts;
import cn.tingfeng.testsupport.TestSources;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
    PostStore store;
    @Inject
    MutableClock clock;
    @Inject
    EntityManager em;

    @TestHTTPResource("/")
    URL app;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Transactional
    String status(long incident) {
        return (String) em.createNativeQuery("select status from incident where id = ?1").setParameter(1, incident).getSingleResult();
    }

    long newIncident() {
        String key = "csrfb-" + UUID.randomUUID();
        String tag = "浏览器跨站" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "");
        Source src = testSources.create(key);
        TestAccounts.as("t-analyst").body(Map.of("name", "浏览器跨站-" + key, "rule", tag + " AND 爆炸", "sources", List.of(src.key)))
                .post("/api/plans").then().statusCode(201);
        Instant now = Instant.now();
        Long post = store.store(new PostStore.Incoming(src, "https://news.example.cn/" + key + "/1.html",
                tag + "仓库发生爆炸 已致1人死亡", tag + "一处仓库今天发生爆炸，事故造成1人死亡。编号" + key, "网友",
                now.minus(Duration.ofMinutes(20)), "web", null)).postId();
        return testSources.incidentOf(post);
    }

    @Test
    void aPageOnAnotherPortCannotMakeTheAnalystsBrowserDismissAnIncident() throws Exception {
        long id = newIncident();
        String before = status(id);
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
            assertThat(status(id)).isEqualTo(before);

            driver.get(base + "/app/incidents/" + id);
            driver.findElement(By.xpath("//details[summary='排除']/summary")).click();
            driver.findElement(By.cssSelector("form[action='/app/incidents/" + id + "/dismiss'] [name='reason']"))
                    .sendKeys("经核实与本地无关");
            driver.findElement(By.cssSelector("form[action='/app/incidents/" + id + "/dismiss'] button")).click();
            wait.until(d -> !d.getCurrentUrl().endsWith("/dismiss"));
            browser.screenshot("csrf-own-form-works");
            assertThat(status(id)).isEqualTo("dismissed");
        } finally {
            evil.stop(0);
        }
    }
}
