package cn.tingfeng.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tingfeng.tracking.TrackingApi;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** 舆情报告 page: list and downloads per role, the issue form (CSRF, refusal keeps the typed text), templates. */
@QuarkusTest
class ReportPagesTest {
    @jakarta.inject.Inject
    jakarta.persistence.EntityManager em;
    @jakarta.inject.Inject
    cn.tingfeng.testsupport.MutableClock clock;

    /** The form offers the 100 latest incidents by start; other tests of the same database start theirs up to years ahead. */
    @jakarta.transaction.Transactional
    Instant latestStart() {
        Object latest = em.createNativeQuery("select max(started_at) from incident").getSingleResult();
        Instant max = latest == null ? Instant.EPOCH
                : latest instanceof java.time.OffsetDateTime o ? o.toInstant()
                : latest instanceof java.sql.Timestamp t ? t.toInstant() : Instant.parse(latest.toString());
        return max.isAfter(Instant.parse("2026-11-02T01:00:00Z")) ? max.plusSeconds(60) : Instant.parse("2026-11-02T01:00:00Z");
    }

    @Test
    void leadersSeeTheListWithoutTheFormDepartmentsAreRefused() {
        String page = WebSession.as("t-leader").get("/app/reports").then().statusCode(200).extract().asString();
        assertThat(page).contains("<h1>舆情报告</h1>").contains("href=\"/app/reports\"").doesNotContain("签发报告");
        WebSession.as("t-supervisor").get("/app/reports").then().statusCode(200);
        WebSession.as("t-department").get("/app/reports").then().statusCode(403);
        String home = WebSession.as("t-department").get("/home").then().statusCode(200).extract().asString();
        assertThat(home).doesNotContain("href=\"/app/reports\"");
    }

    @Test
    void anAnalystIssuesAReportWithOpinionAndSuggestionFromTheForm() {
        Instant start = latestStart();
        if (start.isAfter(Instant.now())) clock.set(start.plusSeconds(60));  // a start is never in the future of the clock
        long incident;
        try {
            incident = TrackingApi.createIncident("页面测试：<i>某路段</i>积水", "IV", start);
        } finally {
            clock.reset();
        }
        String page = WebSession.as("t-analyst").get("/app/reports").then().statusCode(200).extract().asString();
        assertThat(page).contains("签发报告").contains("name=\"_csrf\"").contains("value=\"" + incident + "\"")
                .contains("&lt;i&gt;某路段&lt;/i&gt;积水").contains("研判意见").contains("处置建议");

        // without the CSRF token: refused
        WebSession.as("t-analyst").contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("type", "daily")
                .post("/app/reports").then().statusCode(403);
        // a 专报 without incidents: refused in Chinese, the typed opinion kept
        String refused = WebSession.form("t-analyst").formParam("type", "special").formParam("opinion", "已键入的研判意见")
                .post("/app/reports").then().statusCode(400).extract().asString();
        assertThat(refused).contains("须至少选择一起舆情事件").contains("已键入的研判意见");

        String location = WebSession.form("t-analyst").formParam("type", "flash").formParam("incident", String.valueOf(incident))
                .formParam("opinion", "网民关注积水排除进度。").formParam("suggestion", "建议住建部门发布排水进展。")
                .post("/app/reports").then().statusCode(303).extract().header("Location");
        assertThat(location).contains("/app/reports?issued=");
        long id = Long.parseLong(location.substring(location.indexOf("issued=") + 7));
        String list = WebSession.as("t-leader").get("/app/reports").then().statusCode(200).extract().asString();
        assertThat(list).contains("/app/reports/" + id + "/download?format=docx").contains("/app/reports/" + id + "/download?format=pdf")
                .contains("舆情快报").containsPattern("〔\\d{4}〕\\d+期");
        WebSession.as("t-leader").get("/api/reports/" + id + "?format=html").then().statusCode(401); // no session on the API
        WebSession.as("t-department").get("/app/reports/" + id + "/download?format=pdf").then().statusCode(403);
        byte[] pdf = WebSession.as("t-supervisor").get("/app/reports/" + id + "/download?format=pdf").then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        assertThat(pdf).isEqualTo(TrackingApi.as("t-leader").get("/api/reports/" + id + "?format=pdf").then().statusCode(200)
                .extract().asByteArray());
        String html = WebSession.as("t-leader").get("/app/reports/" + id + "/download?format=html").then().statusCode(200).extract().asString();
        assertThat(html).contains("网民关注积水排除进度。").contains("建议住建部门发布排水进展。").contains("&lt;i&gt;某路段");
    }

    /** An incident older than the 100 newest is found by a word of its title or its number, and the incident page preselects it. */
    @Test
    void anOldIncidentIsFoundByTitleOrNumberAndPreselectedFromItsPage() {
        String word = "陈年旧案" + System.nanoTime();
        long old = TrackingApi.createIncident("某镇" + word + "信访积案", "IV", Instant.parse("2019-03-01T02:00:00Z"));
        String recent = WebSession.as("t-analyst").get("/app/reports").then().statusCode(200).extract().asString();
        assertThat(recent).contains("查找事件").contains("下面列出最近的 100 起事件");

        String found = WebSession.as("t-analyst").queryParam("find", word).get("/app/reports").then().statusCode(200).extract().asString();
        assertThat(found).contains("value=\"" + old + "\"").contains(word + "信访积案").contains("“" + word + "”的事件");
        assertThat(WebSession.as("t-analyst").queryParam("find", "#" + old).get("/app/reports").then().statusCode(200).extract().asString())
                .contains("value=\"" + old + "\"");
        assertThat(WebSession.as("t-analyst").queryParam("find", "没有这样的标题" + System.nanoTime()).get("/app/reports").then()
                .statusCode(200).extract().asString()).contains("没有标题含");

        String incidentPage = WebSession.as("t-analyst").get("/app/incidents/" + old).then().statusCode(200).extract().asString();
        assertThat(incidentPage).contains("href=\"/app/reports?type=flash&amp;incident=" + old + "\"");
        String preselected = WebSession.as("t-analyst").queryParam("type", "flash").queryParam("incident", old).get("/app/reports")
                .then().statusCode(200).extract().asString();
        assertThat(preselected).containsPattern("value=\"" + old + "\" checked").containsPattern("value=\"flash\" selected");
        assertThat(WebSession.as("t-leader").get("/app/incidents/" + old).then().statusCode(200).extract().asString())
                .doesNotContain("签发舆情快报");
    }

    @Test
    void anAdministratorEditsTemplatesInThePageAndABrokenOneIsRefusedWithTheReason() {
        String page = WebSession.as("t-admin").get("/app/reports/templates/document").then().statusCode(200).extract().asString();
        assertThat(page).contains("报告模板").contains("{doc.number}");
        WebSession.as("t-analyst").get("/app/reports/templates/document").then().statusCode(403);
        String refused = WebSession.form("t-admin").formParam("content", "<style>body { font-family: tfcjk; }</style><p>{doc.number}</p>{#for x in doc.blocks}")
                .post("/app/reports/templates/weekly").then().statusCode(400).extract().asString();
        assertThat(refused).contains("模板有误");
    }
}
