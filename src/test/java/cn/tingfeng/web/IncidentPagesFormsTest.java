package cn.tingfeng.web;

import static cn.tingfeng.web.WebSession.as;
import static cn.tingfeng.web.WebSession.form;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import cn.tingfeng.testsupport.MutableClock;
import cn.tingfeng.testsupport.TestSources;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The analyst's triage, assignment and correction forms on the incident page; other roles see none and get 403. */
@QuarkusTest
class IncidentPagesFormsTest {
    @Inject
    TestSources testSources;
    @Inject
    MutableClock clock;
    @Inject
    EntityManager em;

    @AfterEach
    void resetClock() {
        clock.reset();
    }


    @Transactional
    String grade(long incident) {
        return (String) em.createNativeQuery("select grade from incident where id = ?1").setParameter(1, incident).getSingleResult();
    }

    long newIncident() {
        String tag = "表单测试" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "");
        Instant now = Instant.parse("2030-10-12T06:00:00Z");
        clock.set(now);
        return testSources.explosionIncident(tag, tag + "镇物流园区发生爆炸 已致3人死亡", tag + "镇一处仓储物流园区今天凌晨发生爆炸并引发火情，消防部门出动多辆消防车扑救。"
                + "据通报，事故造成3人死亡，另有多名工人受伤。", now.minus(Duration.ofMinutes(90)));
    }

    @Test
    void analystTriagesAndAssignsThroughTheForms() {
        long id = newIncident();
        String page = as("t-analyst").get("/app/incidents/" + id).then().statusCode(200).extract().asString();
        assertThat(page).contains("action=\"/app/incidents/" + id + "/regrade\"", "action=\"/app/incidents/" + id + "/assign\"",
                "action=\"/app/incidents/" + id + "/confirm\"", "action=\"/app/incidents/" + id + "/dismiss\"");
        String before = grade(id);

        // regrade without a reason: the error on the page, nothing changed
        form("t-analyst").formParam("grade", "II").formParam("reason", "  ").post("/app/incidents/" + id + "/regrade")
                .then().statusCode(400).body(containsString("理由")).body(containsString("class=\"error\""));
        assertThat(grade(id)).isEqualTo(before);

        form("t-analyst").formParam("grade", "II").formParam("reason", "<b>涉及人员死亡</b>").post("/app/incidents/" + id + "/regrade")
                .then().statusCode(303).header("Location", containsString("/app/incidents/" + id + "?msg="));
        assertThat(grade(id)).isEqualTo("II");
        as("t-analyst").get("/app/incidents/" + id + "?msg=" + "<script>x</script>已改定级别。").then().statusCode(200)
                .body(containsString("&lt;script&gt;x&lt;/script&gt;已改定级别。")).body(not(containsString("<script>x")))
                .body(containsString("&lt;b&gt;涉及人员死亡&lt;/b&gt;"));

        form("t-analyst").post("/app/incidents/" + id + "/confirm").then().statusCode(303);
        assertThat(testSources.incidentStatus(id)).isEqualTo("confirmed");
        form("t-analyst").formParam("reason", "重复").post("/app/incidents/" + id + "/dismiss").then().statusCode(409)
                .body(containsString("只有新发现的事件可以确认或排除"));
        assertThat(testSources.incidentStatus(id)).isEqualTo("confirmed");

        // correct the proposal (reason required) to the test county's education bureau: then it is the pre-selected unit
        page = as("t-analyst").get("/app/incidents/" + id).then().statusCode(200).extract().asString();
        assertThat(page).contains("action=\"/app/incidents/" + id + "/proposal/corrections\"");
        form("t-analyst").formParam("level", "county").formParam("territory", "测试县").formParam("leadCategory", "education")
                .formParam("reason", " ").post("/app/incidents/" + id + "/proposal/corrections").then().statusCode(400)
                .body(containsString("理由"));
        as("t-analyst").get("/app/incidents/" + id).then().body(not(containsString("已人工更正")));
        form("t-analyst").formParam("level", "county").formParam("territory", "测试县").formParam("leadCategory", "education")
                .formParam("reason", "事发地在测试县").post("/app/incidents/" + id + "/proposal/corrections").then().statusCode(303);
        page = as("t-analyst").get("/app/incidents/" + id).then().statusCode(200).body(containsString("已人工更正"))
                .extract().asString();
        Matcher selected = Pattern.compile("<option value=\"(\\d+)\"[^>]* selected>([^<]+)</option>").matcher(page);
        assertThat(selected.find()).isTrue();
        String unitId = selected.group(1);
        String unitName = selected.group(2);
        assertThat(unitName).isEqualTo("测试县教育局");

        // assign the proposed unit: the assignment with its clocks on the page
        form("t-analyst").formParam("unitId", unitId).formParam("role", "lead").post("/app/incidents/" + id + "/assign")
                .then().statusCode(303);
        as("t-analyst").get("/app/incidents/" + id).then().statusCode(200).body(containsString(unitName + "（牵头）"))
                .body(containsString("签收")).body(containsString("首次回应"));
        form("t-analyst").formParam("unitId", unitId).formParam("role", "lead").post("/app/incidents/" + id + "/assign")
                .then().statusCode(409).body(containsString("该单位已承办此舆情事件"));
        form("t-analyst").formParam("unitId", "x").formParam("role", "co").post("/app/incidents/" + id + "/assign")
                .then().statusCode(400).body(containsString("请选择承办单位"));
    }

    @Test
    void otherRolesSeeNoFormsAndAreRefused() {
        long id = newIncident();
        String status = testSources.incidentStatus(id);
        String grade = grade(id);
        for (String user : List.of("t-leader", "t-supervisor", "t-admin")) {
            // the leader's only form is the 批示 (instructions); no triage, assignment or decision form for these roles
            String page = as(user).get("/app/incidents/" + id).then().statusCode(200).extract().asString();
            assertThat(page.replace("action=\"/app/incidents/" + id + "/instructions\"", ""))
                    .as(user + " sees no triage form").doesNotContain("action=\"/app/incidents/");
            assertThat(page.contains("action=\"/app/incidents/" + id + "/instructions\"")).as(user + " 批示 form").isEqualTo("t-leader".equals(user));
        }
        for (String action : List.of("confirm", "dismiss", "regrade", "assign", "proposal/corrections")) {
            for (String user : List.of("t-leader", "t-admin", "t-department", "t-supervisor")) {
                form(user).formParam("reason", "x").formParam("grade", "I").post("/app/incidents/" + id + "/" + action)
                        .then().statusCode(403);
            }
            io.restassured.RestAssured.given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                    .post("/app/incidents/" + id + "/" + action).then().statusCode(302);
        }
        assertThat(testSources.incidentStatus(id)).isEqualTo(status);
        assertThat(grade(id)).isEqualTo(grade);
    }
}
