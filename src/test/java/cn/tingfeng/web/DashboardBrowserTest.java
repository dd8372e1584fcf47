package cn.tingfeng.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tingfeng.testsupport.Browser;
import cn.tingfeng.testsupport.MutableClock;
import cn.tingfeng.testsupport.TestAccounts;
import cn.tingfeng.tracking.TrackingApi;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The leaders' dashboard in Chromium: the charts draw (ECharts served by the application, CSP without
 * 'unsafe-inline'), a click on a bar of the trend opens the incidents of that day, and the 大屏 draws and refreshes
 * itself. Screenshots: {@code target/screenshots/dashboard.png}, {@code dashboard-screen.png}.
 */
@QuarkusTest
class DashboardBrowserTest {
    static final String CATEGORY = "看板浏览器测试";

    @Inject
    MutableClock clock;
    @Inject
    TestAccounts accounts;
    @Inject
    EntityManager em;

    @TestHTTPResource("/")
    URL app;

    @AfterEach
    void reset() {
        clock.reset();
    }

    /** Waits for the status line to say the data was drawn; otherwise fails with what the page and the API said. */
    static void untilDrawn(Browser browser, WebDriverWait wait, WebElement status, String text) {
        try {
            wait.until(d -> status.getText().contains(text));
        } catch (org.openqa.selenium.TimeoutException e) {
            browser.screenshot("dashboard-failed");
            Object diag = browser.driver.executeAsyncScript("var cb = arguments[arguments.length - 1];"
                    + "fetch(document.getElementById('dash-charts').dataset.api).then(function (r) { return r.text().then(function (t) {"
                    + " cb(typeof echarts + ' HTTP ' + r.status + ' ' + t.slice(0, 400)); }); }).catch(function (x) { cb('fetch failed ' + x); });");
            throw new AssertionError("status: " + status.getText() + " | " + diag, e);
        }
    }

    @Test
    void theDashboardAndTheScreenDrawTheirChartsAndAClickDrillsDown() throws Exception {
        Instant now = Instant.now();
        // noon (Beijing) two days ago: both incidents of that day stay on it whatever the hour the test runs
        Instant day1 = java.time.LocalDate.now(WebFormat.ZONE).minusDays(2).atTime(12, 0).atZone(WebFormat.ZONE).toInstant();
        long a = TrackingApi.createIncident("浏览器看板：某小区燃气泄漏", "II", day1);
        long b = TrackingApi.createIncident("浏览器看板：某学校食堂投诉", "III", day1.plus(Duration.ofHours(1)));
        long c = TrackingApi.createIncident("浏览器看板：某路段积水", "IV", now.minus(Duration.ofHours(5)));
        long aa = TrackingApi.assign(a, accounts.unitId(), "lead");
        TrackingApi.assign(b, accounts.otherUnitId(), "lead");
        TrackingApi.post("t-department", "/api/assignments/" + aa + "/responses", Map.of("publishedAt",
                day1.plus(Duration.ofHours(1)).toString(), "channel", "政府网站", "text", "情况通报"), 200);
        TrackingApi.as("t-leader").body(Map.of("incidentId", a, "text", "请尽快处置")).post("/api/instructions").then().statusCode(201);
        QuarkusTransaction.requiringNew().run(() -> em.createQuery("update Incident i set i.category = :c where i.id in :ids")
                .setParameter("c", CATEGORY).setParameter("ids", List.of(a, b, c)).executeUpdate());
        java.time.LocalDate to = java.time.LocalDate.now(WebFormat.ZONE);
        java.time.LocalDate from = to.minusDays(6);
        String query = "from=" + from + "&to=" + to + "&category=" + java.net.URLEncoder.encode(CATEGORY, java.nio.charset.StandardCharsets.UTF_8);
        String base = "http://localhost:" + app.getPort();

        try (Browser browser = Browser.open()) {
            var driver = browser.driver;
            var wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            browser.signIn(base, "t-leader", TestAccounts.PASSWORD);
            driver.manage().window().setSize(new Dimension(1400, 2600));
            driver.get(base + "/app/dashboard?" + query);
            WebElement status = driver.findElement(By.cssSelector("#dash-charts [data-status]"));
            untilDrawn(browser, wait, status, "统计时间");
            // every chart has drawn into a canvas; the trend has 7 days, 3 incidents
            for (String id : List.of("chart-trend", "chart-grade", "chart-category", "chart-county", "chart-units",
                    "chart-escalations", "chart-instructions")) {
                assertThat(driver.findElements(By.cssSelector("#" + id + " canvas"))).as(id).isNotEmpty();
            }
            Object incidents = driver.executeScript("var o = echarts.getInstanceByDom(document.getElementById('chart-trend')).getOption();"
                    + "return o.series[0].data.reduce(function (a, b) { return a + b; }, 0);");
            assertThat(((Number) incidents).longValue()).isEqualTo(3);
            Object units = driver.executeScript("return echarts.getInstanceByDom(document.getElementById('chart-units'))"
                    + ".getOption().yAxis[0].data;");
            assertThat(units.toString()).contains("测试县教育局").contains("测试县卫生健康委员会");
            assertThat(driver.findElement(By.cssSelector("[data-overdue]")).getText()).contains("浏览器看板：某小区燃气泄漏");
            Thread.sleep(1500); // the charts' opening animation
            browser.screenshot("dashboard");

            // a click on the bar of the first day (2 incidents) opens the incidents of that day
            int dayIndex = (int) java.time.temporal.ChronoUnit.DAYS.between(from, day1.atZone(WebFormat.ZONE).toLocalDate());
            WebElement trend = driver.findElement(By.id("chart-trend"));
            @SuppressWarnings("unchecked")
            // a point inside the bar, as far as possible from the rate lines' points drawn over it (a click there opens them)
            List<Number> px = (List<Number>) driver.executeScript("var c = echarts.getInstanceByDom(arguments[0]), i = arguments[1];"
                    + "var o = c.getOption(), n = o.series[0].data[i];"
                    + "var bottom = c.convertToPixel({ seriesIndex: 0 }, [i, 0]), top = c.convertToPixel({ seriesIndex: 0 }, [i, n]);"
                    + "var ys = [];"
                    + "for (var s = 1; s < o.series.length; s++) { var v = o.series[s].data[i];"
                    + "  if (v != null && v !== '-') ys.push(c.convertToPixel({ seriesIndex: s }, [i, v])[1]); }"
                    + "var best = (top[1] + bottom[1]) / 2, far = -1;"
                    + "for (var y = top[1] + 3; y <= bottom[1] - 3; y++) {"
                    + "  var d = ys.reduce(function (m, q) { return Math.min(m, Math.abs(q - y)); }, 1e9);"
                    + "  if (d > far) { far = d; best = y; } }"
                    + "return [bottom[0], best];", trend, dayIndex);
            int x = px.get(0).intValue() - trend.getSize().getWidth() / 2;
            int y = px.get(1).intValue() - trend.getSize().getHeight() / 2;
            new Actions(driver).moveToElement(trend, x, y).click().perform();
            wait.until(d -> d.getCurrentUrl().contains("/app/dashboard/incidents"));
            assertThat(driver.getCurrentUrl()).contains("measure=all").contains("from=" + day1.atZone(WebFormat.ZONE).toLocalDate());
            String list = driver.findElement(By.tagName("main")).getText();
            assertThat(list).contains("浏览器看板：某小区燃气泄漏").contains("浏览器看板：某学校食堂投诉").doesNotContain("浏览器看板：某路段积水");
            browser.screenshot("dashboard-drill");

            // the 大屏: dark, full screen, draws and fetches again by itself
            driver.manage().window().setSize(new Dimension(1920, 1080));
            driver.get(base + "/app/dashboard/screen?" + query);
            WebElement screenStatus = driver.findElement(By.cssSelector("[data-status]"));
            untilDrawn(browser, wait, screenStatus, "更新于");
            assertThat(driver.findElement(By.cssSelector("[data-k='incidents']")).getText()).isEqualTo("3");
            assertThat(driver.findElement(By.cssSelector("body")).getCssValue("background-color")).isEqualTo("rgba(11, 26, 46, 1)");
            assertThat(driver.findElements(By.cssSelector("#chart-trend canvas"))).isNotEmpty();
            Thread.sleep(1500);
            browser.screenshot("dashboard-screen");
            // a fourth incident appears on the screen without reloading the page (the data is fetched again)
            long d = TrackingApi.createIncident("浏览器看板：新的舆情", "I", now.minus(Duration.ofHours(1)));
            QuarkusTransaction.requiringNew().run(() -> em.createQuery("update Incident i set i.category = :c where i.id = :id")
                    .setParameter("c", CATEGORY).setParameter("id", d).executeUpdate());
            driver.executeScript("window.__sameDocument = true;");
            new WebDriverWait(driver, Duration.ofSeconds(40))
                    .until(dr -> "4".equals(dr.findElement(By.cssSelector("[data-k='incidents']")).getText()));
            assertThat(driver.executeScript("return window.__sameDocument === true;")).isEqualTo(true);
        }
    }
}
