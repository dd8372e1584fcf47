package cn.tingfeng.demo;

import cn.tingfeng.post.PostStore;
import cn.tingfeng.shared.TingfengConfig;
import cn.tingfeng.source.Source;
import cn.tingfeng.source.SourceRepository;
import cn.tingfeng.watch.plan.PlanRepository;
import cn.tingfeng.watch.plan.PlanService;
import cn.tingfeng.watch.plan.RuleSpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The {@code demo} profile's sample material, so that a first look shows the pipeline working on a machine that
 * cannot reach the internet: one monitoring plan and a handful of invented posts (demo/posts.jsonl, written for the
 * demo, not collected) stored through {@link PostStore} like any crawled post, so they are matched, de-duplicated,
 * grouped into incidents, assessed, classified and alerted on. The plan watches only the demo source, so it never
 * touches real collections. Runs once (skipped when the demo source exists).
 */
@ApplicationScoped
public class DemoData {
    private static final Logger LOG = Logger.getLogger(DemoData.class);
    static final String SOURCE_KEY = "demo-samples";
    static final String PLAN = "涉我市负面舆情（演示）";

    @Inject
    TingfengConfig config;
    @Inject
    SourceRepository sources;
    @Inject
    PlanService plans;
    @Inject
    PlanRepository planRepository;
    @Inject
    PostStore store;
    @Inject
    Clock clock;

    /** After the jurisdiction (100) and the demo accounts (200). */
    void onStart(@Observes @Priority(250) StartupEvent event) {
        if (config.demoData()) {
            load();
        }
    }

    void load() {
        Source source = QuarkusTransaction.requiringNew().call(() -> {
            if (sources.findByKey(SOURCE_KEY).isPresent()) {
                return null;
            }
            Source s = new Source();
            s.key = SOURCE_KEY;
            s.name = "演示样例（非真实采集）";
            s.type = "import";
            s.platform = "web";
            s.createdAt = clock.instant();
            sources.persist(s);
            return s;
        });
        if (source == null) {
            return;
        }
        if (planRepository.findByName(PLAN).isEmpty()) {
            plans.create(new PlanService.PlanInput(PLAN, RuleSpec.of(null, new RuleSpec.Slots(
                    List.of("连云港", "海州", "连云区", "赣榆", "东海", "灌云", "灌南", "墟沟", "新浦"),
                    List.of(), List.of("发霉", "欠薪", "拖欠工资", "讨薪", "异味", "偷排", "被困", "故障", "投诉", "质疑"),
                    List.of("演习", "演练"))), List.of(SOURCE_KEY), List.of(), true), "demo");
        }
        Instant now = clock.instant();
        ObjectMapper json = new ObjectMapper();
        int n = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                DemoData.class.getResourceAsStream("/demo/posts.jsonl"), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode p = json.readTree(line);
                store.store(new PostStore.Incoming(source, p.get("url").asText(), p.get("title").asText(),
                        p.get("body").asText(), p.get("author").asText(),
                        now.minus(Duration.ofHours(p.get("hoursAgo").asLong())), p.get("platform").asText(),
                        Map.of()));
                n++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LOG.infof("demo 配置：已载入监测方案“%s”和 %d 条演示帖文（虚构样例）", PLAN, n);
    }
}
