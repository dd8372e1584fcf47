package cn.tingfeng.web;

import static cn.tingfeng.web.WebSession.as;
import static cn.tingfeng.web.WebSession.csrf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SourcePagesTest {
    private static final String PAGE = "<html><head><title>x</title></head><body><div class=\"article\">"
            + "<h1>市区道路改造&lt;script&gt;alert(1)&lt;/script&gt;工程启动</h1><p class=\"info\">发布时间：2026-03-01 08:30 来源：市住建局</p>"
            + "<div class=\"content\"><p>为改善市民出行条件，市住建局决定对海州区多条道路实施改造。工程将分三期推进，预计年底完工。</p>"
            + "<p>施工期间，相关路段将实行交通管制，请市民提前规划出行路线。市住建局将加强现场管理，减少施工对周边居民的影响。</p>"
            + "<p>&lt;img src=x onerror=alert(2)&gt;如有问题，可拨打服务热线咨询。改造完成后道路通行能力将明显提升，沿线环境也会同步整治。</p></div></div></body></html>";

    @Test
    void sourcesPageIsForAdminsOnly() {
        as("t-admin").get("/app/sources").then().statusCode(200).body(containsString("采集来源")).body(containsString("重新加载定义"))
                .body(containsString("监测队列")).body(containsString("已搁置"));
        WebSession.form("t-admin").post("/app/sources/reload").then().statusCode(200).body(containsString("已重新加载"));
        for (String u : new String[] {"t-analyst", "t-department", "t-leader", "t-supervisor"}) {
            as(u).get("/app/sources").then().statusCode(403);
            as(u).post("/app/sources/reload").then().statusCode(403);
        }
    }

    @Test
    void previewRunsTheExtractorAndEscapesWhatThePageSays() {
        as("t-admin").get("/app/sources/preview").then().statusCode(200).body(containsString("网页源代码"));
        as("t-admin").multiPart("_csrf", csrf("t-admin")).multiPart("url", "https://www.example.gov.cn/art/1.html")
                .multiPart("html", PAGE, "text/plain; charset=UTF-8")
                .post("/app/sources/preview").then().statusCode(200)
                .body(containsString("抽取结果"))
                .body(containsString("2026-03-01 08:30（北京时间）"))
                .body(containsString("&lt;script&gt;alert(1)&lt;/script&gt;"))
                .body(not(containsString("<script>alert")))
                .body(not(containsString("<img src=x")));
        as("t-admin").multiPart("_csrf", csrf("t-admin")).multiPart("url", "https://www.example.gov.cn/art/2.html")
                .multiPart("file", "page.html", PAGE.getBytes(StandardCharsets.UTF_8), "text/html")
                .post("/app/sources/preview").then().statusCode(200).body(containsString("海州区多条道路"));
        as("t-admin").multiPart("_csrf", csrf("t-admin")).multiPart("url", "ftp://a.cn/x").multiPart("html", PAGE)
                .post("/app/sources/preview").then().statusCode(400).body(containsString("http(s)"));
        as("t-analyst").multiPart("_csrf", csrf("t-analyst")).multiPart("url", "https://a.cn/").multiPart("html", PAGE).post("/app/sources/preview").then().statusCode(403);
    }
}
