package cn.tingfeng.web;

import static cn.tingfeng.web.WebSession.as;
import static cn.tingfeng.web.WebSession.form;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tingfeng.incident.assess.Art18Category;
import cn.tingfeng.post.PostStore;
import cn.tingfeng.source.Source;
import cn.tingfeng.testsupport.MutableClock;
import cn.tingfeng.testsupport.TestAccounts;
import cn.tingfeng.testsupport.TestSources;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Renders the pages of every role over one worked incident (proposal, assignment, response, supervision) and scans
 * the text people read — not markup, attribute values, what was typed into a textarea or {@code <code>} identifiers — for the codes the services use
 * (statuses, levels, categories, platforms, roles, policy ids, ISO timestamps, {@code valid} …).
 */
@QuarkusTest
class NoRawCodesInPagesTest {
    static final List<String> CODES = List.of("new", "confirmed", "dismissed", "assigned", "closed", "merged", "acknowledged",
            "responded", "disputed", "reassigned", "active", "close_requested", "pending", "overdue", "breached", "stopped",
            "county", "city", "township", "lead", "co", "analyst", "leader", "supervisor", "department", "weibo", "wechat", "forum",
            "news", "video", "blog", "web", "rss", "sitemap", "negative", "positive", "neutral", "valid", "invalid", "missing",
            "true", "false", "null", "expression", "slots", "reminder", "urge", "supervise", "accountability", "unit-leader",
            "supervision-office", "firstResponse", "pressConference", "ack", "feedback", "education", "health",
            "market-regulation", "public-security", "human-resources", "ecology-environment", "INCIDENT_START", "RESPONSE_PUBLISHED");
    static final Pattern ISO = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}|default@|\\d{2}:\\d{2}(:\\d{2})?Z\\b");

    @Inject
    PostStore store;
    @Inject
    TestSources testSources;
    @Inject
    MutableClock clock;
    @Inject
    TestAccounts accounts;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** What a person reads: no scripts, tags, attributes, code identifiers or user names of the test accounts. */
    static String visible(String html) {
        String s = html.replaceAll("(?s)<script.*?</script>", " ").replaceAll("(?s)<textarea[^>]*>.*?</textarea>", " ").replaceAll("(?s)<code>.*?</code>", " ")
                .replaceAll("(?s)<option value=\"[^\"]*\"", "<option").replaceAll("(?s)<[^>]*>", " ")
                .replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        return s.replaceAll("\\bt-[a-z-]+", " ").replaceAll("https?://\\S+", " ");
    }

    static List<String> leaks(String html) {
        String text = visible(html);
        List<String> found = new ArrayList<>();
        List<String> codes = new ArrayList<>(CODES);
        Arrays.stream(Art18Category.values()).map(Art18Category::code).forEach(codes::add);
        for (String c : codes) {
            Matcher m = Pattern.compile("(?<![\\w-])" + Pattern.quote(c) + "(?![\\w-])").matcher(text);
            if (m.find()) {
                found.add(c + " … " + text.substring(Math.max(0, m.start() - 30), Math.min(text.length(), m.end() + 30)).strip());
            }
        }
        Matcher iso = ISO.matcher(text);
        while (iso.find()) found.add(iso.group() + " … " + text.substring(Math.max(0, iso.start() - 30), Math.min(text.length(), iso.end() + 30)));
        return found;
    }

    @Test
    void pagesOfEveryRoleShowNoRawCodes() {
        String key = "codes-" + UUID.randomUUID();
        String tag = "代码扫描" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "");
        Source src = testSources.create(key);
        TestAccounts.as("t-analyst").body(Map.of("name", "代码扫描-" + key, "rule", tag + " AND 爆炸", "sources", List.of(src.key)))
                .post("/api/plans").then().statusCode(201);
        Instant now = Instant.parse("2030-10-12T06:00:00Z");
        clock.set(now);
        Long post = store.store(new PostStore.Incoming(src, "https://news.example.cn/" + key + "/1.html", tag + "镇化工厂发生爆炸 已致3人死亡",
                tag + "镇一处化工厂今天凌晨发生爆炸，事故造成3人死亡，多人受伤，学校停课。", "网友", now.minus(Duration.ofMinutes(90)), "weibo", null))
                .postId();
        long incident = testSources.incidentOf(post);
        form("t-analyst").formParam("grade", "II").formParam("reason", "死亡 3 人").post("/app/incidents/" + incident + "/regrade")
                .then().statusCode(303);
        long a = TestAccounts.as("t-analyst").body(Map.of("unitId", accounts.unitId(), "role", "lead"))
                .post("/api/incidents/" + incident + "/assignments").then().statusCode(201).extract().jsonPath().getLong("id");
        clock.set(now.plus(Duration.ofMinutes(20)));
        form("t-department").formParam("publishedAt", "2030-10-12T14:10").formParam("channel", "政务微博").formParam("text", "情况通报")
                .post("/app/tasks/" + a + "/respond").then().statusCode(303);

        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("analyst 事件", as("t-analyst").get("/app/incidents/" + incident).then().statusCode(200).extract().asString());
        pages.put("analyst 列表", as("t-analyst").get("/app/incidents").then().statusCode(200).extract().asString());
        pages.put("analyst 预警", as("t-analyst").get("/app/alerts?all=1").then().statusCode(200).extract().asString());
        pages.put("leader 事件", as("t-leader").get("/app/incidents/" + incident).then().statusCode(200).extract().asString());
        pages.put("department 待办", as("t-department").get("/app/tasks").then().statusCode(200).extract().asString());
        pages.put("department 事项", as("t-department").get("/app/tasks/" + a).then().statusCode(200).extract().asString());
        pages.put("supervisor 督办", as("t-supervisor").get("/app/supervision?all=1").then().statusCode(200).extract().asString());
        pages.put("admin 管理", as("t-admin").get("/app/admin").then().statusCode(200).extract().asString());
        pages.put("admin 系统状态", as("t-admin").get("/app/admin/system").then().statusCode(200).extract().asString());
        pages.put("admin 来源", as("t-admin").get("/app/sources").then().statusCode(200).extract().asString());
        pages.put("admin 预览", AttachmentPagesTest.browser(as("t-admin")).multiPart(AttachmentPagesTest.text("_csrf", WebSession.csrf("t-admin")))
                .multiPart(AttachmentPagesTest.text("url", "https://www.example.gov.cn/art/1.html"))
                .multiPart(AttachmentPagesTest.text("html", "<html><head><title>通报</title><meta property=\"article:published_time\" content=\"2030-10-12T06:00:00Z\"></head>"
                        + "<body><h1>关于化工厂爆炸的通报</h1><div class=\"content\"><p>"
                        + "今天凌晨化工厂发生爆炸，相关部门已赶赴现场处置，伤员已送医救治，事故原因正在调查之中。".repeat(4) + "</p></div></body></html>"))
                .post("/app/sources/preview").then().statusCode(200).extract().asString());
        pages.put("analyst 方案", as("t-analyst").get("/app/plans").then().statusCode(200).extract().asString());
        pages.put("leader 看板", as("t-leader").get("/app/dashboard").then().statusCode(200).extract().asString());
        for (String role : List.of("t-analyst", "t-department", "t-leader", "t-supervisor", "t-admin")) {
            pages.put(role + " 工作台", as(role).get("/home").then().statusCode(200).extract().asString());
        }

        Map<String, List<String>> leaks = pages.entrySet().stream().filter(e -> !leaks(e.getValue()).isEmpty())
                .collect(Collectors.toMap(Map.Entry::getKey, e -> leaks(e.getValue()), (x, y) -> x, LinkedHashMap::new));
        assertThat(leaks).as("raw codes in the text of the pages").isEmpty();
        // the extracted publication time (06:00Z in the page) in Beijing time, like every other time
        assertThat(pages.get("admin 预览")).contains("2030-10-12 14:00（北京时间）");
        // the checks themselves can fail: a raw code in the text is found, in markup it is not
        assertThat(leaks("<p>层级：county · <code>valid</code> <a href=\"/x?status=new\">新</a> 2030-10-12T06:00</p>"))
                .hasSize(2);
    }
}
