package cn.tingfeng.web;

import static cn.tingfeng.web.WebSession.as;
import static cn.tingfeng.web.WebSession.form;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tingfeng.testsupport.MutableClock;
import cn.tingfeng.testsupport.TestAccounts;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** 系统状态: SLA policies and frozen versions, the calendar's years and warning, the jurisdiction reload, the audit chain. */
@QuarkusTest
class SystemPagesTest {
    @Inject
    MutableClock clock;
    @Inject
    TestAccounts accounts;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theAdministratorSeesPoliciesWithFrozenVersionsTheAuditChainAndTheCalendarWarning() {
        clock.set(Instant.parse("2026-12-07T02:00:00Z"));
        long incident = TestAccounts.as("t-analyst").body(Map.of("title", "系统状态测试", "grade", "III",
                "startedAt", "2026-12-07T01:00:00Z")).post("/api/incidents").then().statusCode(201).extract().jsonPath().getLong("id");
        TestAccounts.as("t-analyst").body(Map.of("unitId", accounts.unitId(), "role", "lead"))
                .post("/api/incidents/" + incident + "/assignments").then().statusCode(201);

        String page = as("t-admin").get("/app/admin/system").then().statusCode(200).extract().asString();
        assertThat(page).contains("<h2 id=\"sla\">时限策略</h2>").contains("默认（未单独配置的辖区）").contains("2026.1 版")
                .contains("<td>I 级 特别重大、II 级 重大</td><td>签收</td><td>30 分钟</td><td>1 小时</td>")
                .contains("首次回应").contains("个工作日").contains("交办事项冻结的策略版本")
                .containsPattern("<td>默认策略 2026\\.1 版（校验码 [0-9a-f]{12}）</td><td>\\d+</td>").contains("现行")
                .contains("审计链校验：通过")
                .contains("<span class=\"tag ok\">2026 年</span>")
                .contains("尚未载入 2027 年的节假日安排")
                .doesNotContain("default@").doesNotContain("INCIDENT_START");

        // in the middle of a covered year with the next one loaded, no warning
        clock.set(Instant.parse("2025-06-01T02:00:00Z"));
        assertThat(as("t-admin").get("/app/admin/system").then().statusCode(200).extract().asString())
                .doesNotContain("尚未载入").contains("<span class=\"tag ok\">2025 年</span>");

        // admin only; the admin page links to it
        for (String user : List.of("t-analyst", "t-leader", "t-supervisor", "t-department")) {
            as(user).get("/app/admin/system").then().statusCode(403);
            form(user).post("/app/admin/system/jurisdiction/reload").then().statusCode(403);
        }
        assertThat(as("t-admin").get("/app/admin").then().statusCode(200).extract().asString()).contains("href=\"/app/admin/system\"");
    }

    @Test
    void aJurisdictionReloadShowsItsValidationErrorsInChineseWithFileAndField() throws Exception {
        form("t-admin").post("/app/admin/system/jurisdiction/reload").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("已重新加载属地数据，校验通过。"))
                .body(org.hamcrest.Matchers.containsString("校验通过"));
        Path dir = Path.of("src/test/resources/jurisdictions-extra");
        Path broken = dir.resolve("zz-broken-" + UUID.randomUUID() + ".yaml");
        try {
            Files.copy(dir.resolve("nantong.yaml"), broken);
            String page = form("t-admin").post("/app/admin/system/jurisdiction/reload").then().statusCode(200).extract().asString();
            assertThat(page).contains("发现 1 处错误").contains("校验发现 1 处错误")
                    .contains("属地文件 " + broken).contains("字段 code").contains("重复");
        } finally {
            Files.deleteIfExists(broken);
            TestAccounts.as("t-admin").post("/api/admin/jurisdiction/reload").then().statusCode(200);
        }
        assertThat(as("t-admin").get("/app/admin/system").then().statusCode(200).extract().asString()).doesNotContain("zz-broken-");
    }
}
