package cn.tingfeng.watch;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Prints posts/s of {@link PlanMatcher} (one thread = one core) for 100, 1,000 and 10,000 plans on
 * generated Chinese posts. Run: ./mvnw -q -o -Pbench test -Dtest=PlanMatcherBenchmark
 */
@Tag("benchmark")
class PlanMatcherBenchmark {

    static final List<String> PLACES = List.of("连云港", "连云港市", "海州区", "连云区", "赣榆区", "东海县", "灌云县", "灌南县",
            "徐圩新区", "高新区", "开发区", "新浦", "墟沟", "连岛", "花果山", "田湾核电站", "宁海街道", "板桥街道", "同兴镇", "田楼镇",
            "金山镇", "石榴街道", "房山镇", "浦南镇", "黑林镇", "三口镇", "南通", "崇川区", "如东县", "九江", "浔阳区", "伊山镇",
            "青口镇", "牛山街道", "新坝镇", "堆沟港镇", "燕尾港镇", "洋桥镇", "猴嘴街道", "朝阳街道");
    static final List<String> SUBJECTS = List.of("化工企业", "化工园区", "学校", "小学", "幼儿园", "医院", "卫生院", "小区",
            "开发商", "物业", "餐馆", "超市", "菜市场", "景区", "索道", "工地", "建筑公司", "公交", "出租车", "港口", "码头",
            "村委会", "派出所", "城管", "养老院", "快递", "外卖", "加油站", "燃气公司", "自来水");
    static final List<String> EVENTS = List.of("爆炸", "起火", "火灾", "泄漏", "坍塌", "溺亡", "死亡", "受伤", "欠薪", "拖欠工资",
            "讨薪", "投诉", "维权", "烂尾", "偷排", "异味", "扬尘", "噪音", "停水", "停电", "涨价", "宰客", "打人", "殴打", "食物中毒",
            "超载", "违建", "裂缝", "被困", "故障", "污染", "塌陷", "诈骗", "霸凌", "罢工", "上访", "群体", "堵路", "封路", "暴雨");
    static final List<String> EXCLUSIONS = List.of("演练", "演习", "招聘", "广告", "转发抽奖", "电视剧", "小说", "游戏");
    static final List<String> FRAGMENTS = List.of(
            "有网友发帖称，{p}{s}近日发生{e}，现场浓烟滚滚，周边居民十分担心。",
            "据知情人士透露，{p}一家{s}的数十名员工反映{e}问题已持续三个月，多次反映无果。",
            "视频显示，{p}{s}门口聚集了不少群众，有人情绪激动，现场秩序一度混乱。",
            "记者从{p}相关部门了解到，事故原因正在调查中，目前暂无更多信息。",
            "{p}多名居民反映，附近{s}每到夜间就出现{e}，孩子经常咳嗽，老人睡不好觉。",
            "家长们质疑{s}和监管部门失职，希望尽快给出说法。",
            "该帖子发布后迅速引发热议，评论区有不少网友表示自己也遇到过类似情况。",
            "当地官方回应称，已成立工作组赶赴现场处置，将依法依规严肃处理。",
            "今天上午，{p}天气晴朗，不少市民来到{s}附近散步休闲。",
            "消防部门已调集力量赶往现场，{e}原因有待进一步调查。",
            "{p}{s}发布通知，自下月起调整收费标准，部分市民认为{e}不合理。",
            "网传图片显示，{s}内部一片狼藉，有网友称听到了巨大的响声。",
            "截至发稿时，该事件的阅读量已超过十万，转发数千次。",
            "有业主表示，开发商承诺的配套设施至今没有兑现，多次投诉也没有回音。",
            "据了解，这并非该{s}第一次被曝出类似问题，去年也曾因{e}被处罚。",
            "#{p}{e}# 话题登上同城热搜榜，网友纷纷留言关注。",
            "本文转载自微信公众号，版权归原作者所有，如有侵权请联系删除。",
            "相关负责人表示会尽快核实情况，给群众一个满意的答复。",
            "{p}城区部分路段因施工封闭，交警提醒市民绕行。",
            "不少外地游客反映在{p}{s}遭遇{e}，一盘海鲜要价上千元。");

    @Test
    void printsPostsPerSecondFor100And1000And10000Plans() {
        List<String> places = new ArrayList<>(PLACES);
        places.addAll(streetNames());
        Random rnd = new Random(42);
        List<String[]> posts = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            posts.add(post(rnd, places));
        }
        double avgLen = posts.stream().mapToInt(p -> p[0].length() + p[1].length()).average().orElse(0);
        System.out.printf("posts: %d generated, average %.0f characters; places vocabulary %d%n", posts.size(),
                avgLen, places.size());
        java.util.Map<String, Number> figures = new java.util.LinkedHashMap<>();
        for (int n : new int[] {100, 1_000, 10_000}) {
            List<PlanRule> plans = plans(n, new Random(n), places);
            long c0 = System.nanoTime();
            PlanMatcher m = PlanMatcher.compile(plans);
            long compileMs = (System.nanoTime() - c0) / 1_000_000;
            // warm up
            long matched = run(m, posts, 4);
            java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
            long cpu0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            int rounds = 10;
            matched = run(m, posts, rounds);
            double secs = (System.nanoTime() - t0) / 1e9;
            double cpuSecs = (mx.getCurrentThreadCpuTime() - cpu0) / 1e9;
            double total = posts.size() * rounds;
            System.out.printf("plans=%,6d terms=%,5d compile=%4d ms  %,9.0f posts/s per CPU-second  (%,9.0f wall, "
                            + "machine shared)  matches/post=%.2f%n",
                    n, m.termCount(), compileMs, total / cpuSecs, total / secs, matched / total);
            figures.put("match.postsPerSecond.plans" + n, total / cpuSecs);
            figures.put("match.wallPostsPerSecond.plans" + n, total / secs);
            figures.put("match.compileMs.plans" + n, compileMs);
            figures.put("match.matchesPerPost.plans" + n, matched / total);
        }
        cn.tingfeng.bench.BenchResults.write("match", figures);
    }

    private static long run(PlanMatcher m, List<String[]> posts, int rounds) {
        long matched = 0;
        for (int r = 0; r < rounds; r++) {
            for (String[] p : posts) {
                matched += m.match(p[0], p[1]).size();
            }
        }
        return matched;
    }

    static String[] post(Random rnd, List<String> places) {
        String p = pick(rnd, places);
        String s = pick(rnd, SUBJECTS);
        String e = pick(rnd, EVENTS);
        String title = p + pick(rnd, SUBJECTS) + (rnd.nextBoolean() ? e : "") + (rnd.nextBoolean() ? "，网友热议" : "");
        StringBuilder text = new StringBuilder();
        for (int k = 0, n = 3 + rnd.nextInt(6); k < n; k++) {
            String f = pick(rnd, FRAGMENTS);
            if (rnd.nextInt(4) == 0) {
                p = pick(rnd, places);
            }
            text.append(f.replace("{p}", p).replace("{s}", s).replace("{e}", rnd.nextInt(3) == 0 ? pick(rnd, EVENTS) : e));
        }
        return new String[] {title, text.toString()};
    }

    static List<PlanRule> plans(int n, Random rnd, List<String> places) {
        List<PlanRule> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (i % 5 == 4) {
                String rule = "(" + pick(rnd, places) + " OR " + pick(rnd, places) + ") AND " + pick(rnd, SUBJECTS)
                        + " NEAR/" + (5 + rnd.nextInt(20)) + " " + pick(rnd, EVENTS) + " AND NOT title:" + pick(rnd, EXCLUSIONS);
                out.add(PlanRule.of("plan-" + i, 1, rule));
            } else {
                out.add(PlanRule.of("plan-" + i, 1 + rnd.nextInt(3), new SlotRule(some(rnd, places, 1, 3),
                        some(rnd, SUBJECTS, 0, 3), some(rnd, EVENTS, 1, 4), some(rnd, EXCLUSIONS, 0, 2))));
            }
        }
        return out;
    }

    private static List<String> some(Random rnd, List<String> from, int min, int max) {
        Set<String> s = new LinkedHashSet<>();
        int k = min + rnd.nextInt(max - min + 1);
        while (s.size() < k) {
            s.add(pick(rnd, from));
        }
        return new ArrayList<>(s);
    }

    private static String pick(Random rnd, List<String> l) {
        return l.get(rnd.nextInt(l.size()));
    }

    /** More realistic region vocabulary: the townships and streets of the seed cities, when ../shared is present. */
    static List<String> streetNames() {
        Path shared = Path.of(System.getProperty("tingfeng.shared", Path.of("..", "shared").toString()));
        Path streets = shared.resolve("data/divisions/streets.csv");
        List<String> out = new ArrayList<>();
        if (Files.isRegularFile(streets)) {
            try {
                for (String line : Files.readAllLines(streets)) {
                    String[] f = line.split(",");
                    if (f.length > 1 && f[1].startsWith("\"")) {
                        out.add(f[1].replace("\"", ""));
                    }
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return out;
    }
}
