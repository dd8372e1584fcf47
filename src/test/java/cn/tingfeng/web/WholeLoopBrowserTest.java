package cn.tingfeng.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tingfeng.testsupport.Browser;
import cn.tingfeng.testsupport.TestAccounts;
import cn.tingfeng.testsupport.TestSources;
import cn.tingfeng.tracking.TrackingApi;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The whole loop in a real browser (Debian Chromium), each person in their own browser as in an office: an alert
 * appears live in the analyst's open queue; the analyst confirms and assigns it with the keyboard; the department
 * reads the incident, acknowledges, records a response with an attachment, asks to close; the analyst returns it with a reason; the
 * department sees the reason and answers; the analyst accepts the close; the leader's figures change; the supervision
 * office sees the escalation of a late one. Screenshots of every step go to {@code target/screenshots/loop-*.png}.
 */
@QuarkusTest
class WholeLoopBrowserTest {
    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @Inject
    TestSources testSources;
    @Inject
    TestAccounts accounts;
    @Inject
    EntityManager em;

    @TestHTTPResource("/")
    URL app;

    @Transactional
    List<?> assignments(long incident) {
        return em.createNativeQuery("select id, unit_id, status from assignment where incident_id = ?1 order by id")
                .setParameter(1, incident).getResultList();
    }

    @Transactional
    String assignmentStatus(long incident) {
        return (String) em.createNativeQuery("select status from assignment where incident_id = ?1 order by id desc")
                .setParameter(1, incident).setMaxResults(1).getSingleResult();
    }

    private static String tag(String prefix) {
        return prefix + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "");
    }

    @Test
    void theWholeLoopInTheBrowser() throws Exception {
        String base = "http://localhost:" + app.getPort();
        String today = LocalDate.now(BEIJING).toString();
        // from yesterday: the incident starts 30 minutes ago, which is yesterday when the test runs just after midnight
        String dashboard = "/app/dashboard?from=" + LocalDate.now(BEIJING).minusDays(1) + "&to=" + today;
        try (Browser analyst = Browser.open(); Browser department = Browser.open(); Browser leader = Browser.open();
             Browser supervisor = Browser.open()) {
            analyst.signIn(base, "t-analyst", TestAccounts.PASSWORD);
            department.signIn(base, "t-department", TestAccounts.PASSWORD);
            leader.signIn(base, "t-leader", TestAccounts.PASSWORD);
            supervisor.signIn(base, "t-supervisor", TestAccounts.PASSWORD);
            WebDriver a = analyst.driver;
            WebDriver d = department.driver;
            WebDriver l = leader.driver;
            // pages reload under the waits: an element found just before a reload is retried, not an error
            var waitA = new WebDriverWait(a, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class);
            var waitD = new WebDriverWait(d, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class);

            // The leader's figures before: completion of today's incidents.
            l.get(base + dashboard);
            String completionBefore = statLabel(l, "办结率");

            // 1. The analyst's queue is open; a crawled post makes an alerting incident, which appears live.
            a.get(base + "/app/alerts");
            waitA.until(x -> x.findElement(By.id("live-state")).getText().contains("已连接"));
            String tag = tag("全流程");
            long incident = alertingIncident(tag);
            waitA.until(x -> x.findElement(By.id("alert-queue")).getText().contains(tag));
            analyst.screenshot("loop-01-alert-arrives-live");

            // 2. Keyboard only: j selects, c confirms with a note, a opens the assignment form with the unit filter focused.
            new Actions(a).sendKeys("j").perform();
            waitA.until(x -> x.findElement(By.cssSelector("#alert-queue tbody tr")).getAttribute("class").contains("selected"));
            new Actions(a).sendKeys("c").perform();
            waitA.until(x -> x.findElement(By.id("reason")).isDisplayed());
            new Actions(a).sendKeys("经核实属实，转入处置").keyDown(Keys.CONTROL).sendKeys(Keys.ENTER).keyUp(Keys.CONTROL).perform();
            waitA.until(x -> "confirmed".equals(testSources.incidentStatus(incident)));
            waitA.until(x -> x.findElement(By.cssSelector("#alert-queue tbody tr")).getText().contains("已确认"));
            analyst.screenshot("loop-02-confirmed-by-keyboard");
            new Actions(a).sendKeys("a").perform();
            waitA.until(x -> x.getCurrentUrl().endsWith("/app/incidents/" + incident + "#assign"));
            waitA.until(x -> "unit-filter".equals(x.switchTo().activeElement().getAttribute("class")));
            // pinyin initials of 测试县教育局; Enter moves to the list, Tab to the role, Tab to the button, Enter assigns.
            new Actions(a).sendKeys("csxjyj").perform();
            waitA.until(x -> new Select(x.findElement(By.id("assign-unit"))).getFirstSelectedOption().getText().contains("测试县教育局"));
            analyst.screenshot("loop-03-assign-by-pinyin");
            new Actions(a).sendKeys(Keys.ENTER).sendKeys(Keys.TAB).sendKeys(Keys.TAB).sendKeys(Keys.ENTER).perform();
            waitA.until(x -> !assignments(incident).isEmpty());
            Object[] assignment = (Object[]) assignments(incident).get(0);
            long assignmentId = ((Number) assignment[0]).longValue();
            assertThat(((Number) assignment[1]).longValue()).isEqualTo(accounts.unitId());

            // 3. The department finds the task, reads the incident (summary and posts) and acknowledges it.
            d.get(base + "/app/tasks");
            waitD.until(x -> x.findElement(By.tagName("main")).getText().contains(tag));
            department.screenshot("loop-04-department-task-list");
            d.findElement(By.partialLinkText(tag)).click();
            waitD.until(x -> x.getCurrentUrl().contains("/app/tasks/" + assignmentId));
            String taskPage = d.findElement(By.tagName("main")).getText();
            assertThat(taskPage).contains("舆情事件").contains("摘要").contains(tag + "物流园区发生爆炸").contains("剩余时间");
            d.findElement(By.cssSelector("form[action$='/ack'] button")).click();
            waitD.until(x -> x.findElement(By.tagName("main")).getText().contains("签收"));
            assertThat(d.findElements(By.cssSelector("form[action$='/ack'] button"))).as("签收 done once").isEmpty();

            // 4. It records its authoritative response, with the published notice attached as a PDF, and asks to close.
            java.nio.file.Path notice = java.nio.file.Files.createTempDirectory("loop").resolve("情况通报" + tag + ".pdf");
            byte[] pdf = minimalPdf();
            java.nio.file.Files.write(notice, pdf);
            respond(d, waitD, "政府网站", "经调查，" + tag + "物流园区事故已得到控制，伤员正在救治。", notice);
            waitD.until(x -> x.findElement(By.tagName("main")).getText().contains("伤员正在救治"));
            WebElement file = waitD.until(x -> x.findElement(By.linkText(notice.getFileName().toString())));
            assertThat(d.findElement(By.tagName("main")).getText()).as("the attachment listed with its type and checksum")
                    .contains("SHA-256 " + sha256(pdf).substring(0, 12));
            String href = file.getAttribute("href");
            department.screenshot("loop-05-response-recorded");
            // the stored file is the one uploaded, byte for byte, for the unit's own clerk
            String cookie = d.manage().getCookies().stream().map(ck -> ck.getName() + "=" + ck.getValue())
                    .collect(java.util.stream.Collectors.joining("; "));
            java.net.http.HttpResponse<byte[]> got = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                    .newBuilder(java.net.URI.create(href)).header("Cookie", cookie).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertThat(got.statusCode()).isEqualTo(200);
            assertThat(got.body()).isEqualTo(pdf);
            d.findElement(By.cssSelector("form[action$='/close-request'] button")).click();
            waitD.until(x -> x.findElement(By.tagName("main")).getText().contains("已申请办结"));
            assertThat(assignmentStatus(incident)).isEqualTo("close_requested");

            // 5. The analyst returns it with a reason.
            a.get(base + "/app/incidents/" + incident);
            WebElement returnForm = a.findElement(By.cssSelector("form[action$='/assignments/" + assignmentId + "/return']"));
            returnForm.findElement(By.xpath("./ancestor::details/summary")).click();
            String reason = "请补充伤员救治和善后安置的具体情况（" + tag + "）";
            returnForm.findElement(By.name("reason")).sendKeys(reason);
            analyst.screenshot("loop-06-return-with-reason");
            returnForm.findElement(By.cssSelector("button")).click();
            waitA.until(x -> "active".equals(assignmentStatus(incident)));

            // 6. The department sees the reason, answers with a second response, and asks again.
            d.get(base + "/app/tasks/" + assignmentId);
            waitD.until(x -> x.findElement(By.cssSelector(".notice.returned")).getText().contains(reason));
            department.screenshot("loop-07-department-sees-reason");
            respond(d, waitD, "政务微博", "补充情况：伤员均已送医，善后安置已落实（" + tag + "）。");
            waitD.until(x -> x.findElement(By.tagName("main")).getText().contains("善后安置已落实"));
            d.findElement(By.cssSelector("form[action$='/close-request'] button")).click();
            waitD.until(x -> "close_requested".equals(assignmentStatus(incident)));

            // 7. The analyst accepts the close.
            a.get(base + "/app/incidents/" + incident);
            a.findElement(By.cssSelector("form[action$='/assignments/" + assignmentId + "/close'] button")).click();
            waitA.until(x -> "closed".equals(assignmentStatus(incident)));
            a.get(base + "/app/incidents/" + incident);
            analyst.screenshot("loop-08-close-accepted");

            // 8. The leader's figures change.
            l.get(base + dashboard);
            String completionAfter = statLabel(l, "办结率");
            leader.screenshot("loop-09-leader-figures");
            assertThat(completionAfter).as("办结率 (closed/assigned) of today's incidents").isNotEqualTo(completionBefore);
            assertThat(fraction(completionAfter)[0]).isEqualTo(fraction(completionBefore)[0] + 1);

            // 9. A late one: an incident assigned five hours and more ago and not answered; the sweep escalates it and the
            //    supervision office sees the 督办 with a link to the incident.
            String late = "全流程超时未回应事件" + tag;
            long lateIncident = TrackingApi.createIncident(late, "II", Instant.now().minus(Duration.ofHours(6)));
            TrackingApi.assign(lateIncident, accounts.unitId(), "lead");
            TrackingApi.sweep();
            supervisor.driver.get(base + "/app/supervision");
            String supervision = supervisor.driver.findElement(By.tagName("main")).getText();
            assertThat(supervision).contains(late).contains("督办");
            assertThat(supervisor.driver.findElements(By.cssSelector("a[href='/app/incidents/" + lateIncident + "']"))).isNotEmpty();
            supervisor.screenshot("loop-10-supervision-escalation");
        }
    }

    /** A one-page PDF (what a clerk attaches: the published notice). */
    private static byte[] minimalPdf() {
        String body = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
                + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";
        return body.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static String sha256(byte[] b) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(b));
    }

    private static void respond(WebDriver d, org.openqa.selenium.support.ui.Wait<WebDriver> wait, String channel, String text) {
        respond(d, wait, channel, text, null);
    }

    /** Opens the 发布回应 form of the task page, fills it as a clerk does (with a file chosen, if given) and submits it. */
    private static void respond(WebDriver d, org.openqa.selenium.support.ui.Wait<WebDriver> wait, String channel, String text,
            java.nio.file.Path attachment) {
        WebElement form = d.findElement(By.cssSelector("form[action$='/respond']"));
        WebElement details = form.findElement(By.xpath("./ancestor::details"));
        if (details.getAttribute("open") == null) {
            details.findElement(By.tagName("summary")).click();
        }
        String now = LocalDateTime.now(BEIJING).minusMinutes(5).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
        // datetime-local takes its typed digits in the browser's locale order; set the value the picker would give.
        ((JavascriptExecutor) d).executeScript("arguments[0].value = arguments[1]", form.findElement(By.name("publishedAt")), now);
        form.findElement(By.name("channel")).sendKeys(channel);
        form.findElement(By.name("text")).sendKeys(text);
        if (attachment != null) form.findElement(By.cssSelector("input[type='file']")).sendKeys(attachment.toAbsolutePath().toString());
        form.findElement(By.cssSelector("button[type='submit']")).click();
        wait.until(x -> x.findElements(By.cssSelector(".error")).isEmpty() && x.getCurrentUrl().contains("/app/tasks/"));
    }

    /** The label of the dashboard figure named {@code name}, such as "办结率（3/5）". */
    private static String statLabel(WebDriver l, String name) {
        return l.findElements(By.cssSelector(".stat .l")).stream().map(WebElement::getText).filter(t -> t.startsWith(name))
                .findFirst().orElseThrow(() -> new AssertionError("no figure " + name + " on the dashboard"));
    }

    private static int[] fraction(String label) {
        var m = java.util.regex.Pattern.compile("(\\d+)/(\\d+)").matcher(label);
        assertThat(m.find()).as("a count/of pair in " + label).isTrue();
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
    }

    /** A plan and a crawled post that make an incident with an alert (a death: grade and alert). */
    private long alertingIncident(String tag) {
        return testSources.explosionIncident(tag, "测试县" + tag + "物流园区发生爆炸 已致3人死亡",
                "测试县" + tag + "物流园区今天发生爆炸并引发火情，事故造成3人死亡，多人受伤。", Instant.now().minus(Duration.ofMinutes(30)));
    }
}
