package cn.tingfeng.web;

import static cn.tingfeng.web.WebSession.as;
import static cn.tingfeng.web.WebSession.form;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import cn.tingfeng.testsupport.Browser;
import cn.tingfeng.testsupport.MutableClock;
import cn.tingfeng.testsupport.TestAccounts;
import cn.tingfeng.testsupport.TestSources;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The live 预警队列: new and changed alerts pushed over server-sent events, filters, a handled incident's alert no
 * longer 未确认, and the analyst triaging with the keyboard in a real browser while an alert arrives.
 */
@QuarkusTest
class AlertQueueLiveTest {
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

    /** A plan and a post that makes an incident with an alert (a death: grade and alert). Returns the incident. */
    long alertingIncident(String tag, String place) {
        return testSources.explosionIncident(tag, place + tag + "物流园区发生爆炸 已致3人死亡",
                place + tag + "物流园区今天发生爆炸并引发火情，事故造成3人死亡，多人受伤。", Instant.now().minus(Duration.ofMinutes(30)));
    }

    private static String tag(String prefix) {
        return prefix + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "");
    }

    @Test
    void theStreamPushesANewAlertAndThenItsHandling() throws Exception {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String basic = "Basic " + Base64.getEncoder().encodeToString(("t-analyst:" + TestAccounts.PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<java.io.InputStream> response = http.send(HttpRequest.newBuilder(URI.create(app + "api/alerts/stream"))
                .header("Authorization", basic).header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (Exception ignored) {
                // the stream is closed at the end of the test
            }
        });
        reader.setDaemon(true);
        reader.start();
        try {
            assertThat(awaitLine(lines, "event:ready", 20)).isNotNull();
            String tag = tag("实时推送");
            long incident = alertingIncident(tag, "灌云县");
            String created = awaitLine(lines, tag, 20);
            assertThat(created).as("the new alert pushed to the open stream").isNotNull().contains("\"ackedAt\":null")
                    .contains("\"status\":\"new\"").contains("\"incidentId\":" + incident);

            form("t-analyst").formParam("reason", "经核实已妥善处置，与本地无关").post("/app/incidents/" + incident + "/dismiss")
                    .then().statusCode(303);
            String handled = awaitLine(lines, tag, 20);
            assertThat(handled).as("the handled alert pushed again").isNotNull().contains("\"status\":\"dismissed\"")
                    .contains("\"ackedBy\":\"t-analyst\"");
        } finally {
            response.body().close();
        }
        given403("t-department");
    }

    private static void given403(String user) {
        TestAccounts.as(user).get("/api/alerts/stream").then().statusCode(403);
    }

    private static String awaitLine(BlockingQueue<String> lines, String needle, int seconds) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            String line = lines.poll(500, TimeUnit.MILLISECONDS);
            if (line != null && line.contains(needle)) {
                return line;
            }
        }
        return null;
    }

    @Test
    void aConfirmedOrDismissedIncidentNoLongerLeavesItsAlertUnacknowledged() {
        String tag = tag("处理后预警");
        long incident = alertingIncident(tag, "东海县");
        as("t-analyst").get("/app/alerts").then().statusCode(200).body(containsString(tag));
        form("t-analyst").post("/app/incidents/" + incident + "/confirm").then().statusCode(303);
        as("t-analyst").get("/app/alerts").then().statusCode(200).body(not(containsString(tag)));
        as("t-analyst").get("/app/alerts?all=1").then().statusCode(200).body(containsString(tag)).body(containsString("已确认"));
    }

    @Test
    void filtersNarrowTheQueueAndUnknownValuesAreIgnored() {
        String tag = tag("筛选预警");
        alertingIncident(tag, "灌南县");
        as("t-analyst").get("/app/alerts?county=灌南县").then().statusCode(200).body(containsString(tag));
        as("t-analyst").get("/app/alerts?county=东海县").then().statusCode(200).body(not(containsString(tag)));
        as("t-analyst").get("/app/alerts?grade=I").then().statusCode(200).body(not(containsString(tag)));
        as("t-analyst").get("/app/alerts?status=new&hours=24").then().statusCode(200).body(containsString(tag));
        as("t-analyst").get("/app/alerts?grade=<script>&hours=abc&plan=x").then().statusCode(200).body(containsString(tag))
                .body(not(containsString("<script>&")));
        as("t-leader").get("/app/alerts").then().statusCode(403);
    }

    @Test
    void theAnalystSeesANewAlertArriveAndConfirmsItWithTheKeyboard() {
        try (Browser browser = Browser.open()) {
            var driver = browser.driver;
            var wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            String base = "http://localhost:" + app.getPort();
            browser.signIn(base, "t-analyst", TestAccounts.PASSWORD);
            driver.get(base + "/app/alerts");
            wait.until(d -> d.findElement(By.id("live-state")).getText().contains("已连接"));

            String tag = tag("键盘处置");
            long incident = alertingIncident(tag, "连云区");
            wait.until(d -> d.findElement(By.id("alert-queue")).getText().contains(tag));
            browser.screenshot("alerts-live-arrived");
            assertThat(driver.findElement(By.cssSelector("#alert-queue tbody tr")).getText()).contains(tag);

            new Actions(driver).sendKeys("j").perform();
            wait.until(d -> d.findElement(By.cssSelector("#alert-queue tbody tr")).getAttribute("class").contains("selected"));
            new Actions(driver).sendKeys("c").perform();
            wait.until(d -> d.findElement(By.id("reason")).isDisplayed());
            driver.findElement(By.cssSelector("#reason textarea")).sendKeys("多方核实属实，转入处置");
            driver.findElement(By.cssSelector("#reason-form button[value='ok']")).click();
            wait.until(d -> "confirmed".equals(testSources.incidentStatus(incident)));
            wait.until(d -> d.findElement(By.cssSelector("#alert-queue tbody tr")).getText().contains("已确认"));
            browser.screenshot("alerts-confirmed-by-keyboard");

            new Actions(driver).sendKeys("?").perform();
            wait.until(d -> d.findElement(By.id("help")).isDisplayed());
            assertThat(driver.findElement(By.id("help")).getText()).contains("下一条").contains("排除事件");
            browser.screenshot("alerts-keyboard-help");
            new Actions(driver).sendKeys(Keys.ESCAPE).perform();
        }
    }
}
