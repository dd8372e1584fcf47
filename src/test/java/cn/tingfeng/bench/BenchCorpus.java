package cn.tingfeng.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Realistic Chinese posts for the ingest benchmarks, recombined from {@code ../shared} (deterministic for a seed):
 * <ul>
 * <li>event posts: the stories of {@code fixtures/classify-dev.jsonl}, the own test posts
 * ({@code jurisdiction-test/own-posts.jsonl}) and the demo posts, moved to another 连云港 county and town of
 * {@code data/divisions} (names replaced where the story had them, otherwise prefixed), some of its sentences kept,
 * details of other reports and reactions added;</li>
 * <li>reposts of those with edits (a few characters changed, 转载 prefixes, page furniture) on other sites and
 * platforms;</li>
 * <li>unrelated posts: passages of the real labelled pages ({@code fixtures/pages}: CWCED cleaned texts and the GNE
 * reference bodies), which most plans never match — like most of what a crawler brings.</li>
 * </ul>
 * And 100 monitoring plans of the kind analysts write: 10 county-level areas (names, short names and towns) × 10
 * kinds of happening (event words), in the slot form and the expression language (NEAR, title:, NOT).
 */
public final class BenchCorpus {
    /** One generated post. {@code kind}: event, repost, noise; {@code original}: index of the reposted post, or -1. */
    public record Item(String url, String title, String body, String author, Instant publishedAt, String platform,
            String kind, int original) {
    }

    /** A plan to create: name, and either an expression or slots. */
    public record PlanSpec(String name, String expression, List<String> regions, List<String> subjects, List<String> events,
            List<String> exclusions) {
    }

    record Area(String name, String shortName, List<String> towns) {
    }

    record Story(String title, String text) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    static final String[] REACTIONS = {
            "该帖子发布后迅速引发热议，评论区有不少网友表示自己也遇到过类似情况。",
            "截至发稿时，相关话题阅读量已超过十万，转发数千次。",
            "有网友在评论区留言：“希望有关部门尽快给个说法。”",
            "记者从{t}相关部门了解到，目前情况正在核实中。",
            "当地官方回应称，已成立工作组赶赴现场处置，将依法依规严肃处理。",
            "{c}有关负责人表示，会尽快调查核实，给群众一个满意的答复。",
            "视频显示，现场聚集了不少围观群众，有人情绪激动。",
            "多名{t}居民向记者证实了这一情况，并表示此前已多次反映。",
            "#{c}{t}# 话题登上同城热搜榜，网友纷纷留言关注。",
            "据知情人士透露，类似问题在{t}并非第一次出现。",
            "家属和群众希望监管部门尽快查明原因，公开处理结果。",
            "目前，{c}已对此事展开调查，具体情况以官方通报为准。"};
    static final String[] REPOST_PREFIX = {"转载：", "【网友爆料】", "转发微博 ", "#连云港身边事# ", "", "扩散！"};
    static final String[] FURNITURE = {" 来源：网络 热点推荐 相关阅读 版权声明：本文转自网络，如有侵权请联系删除。",
            " 责任编辑：小港 点击排行 今日热点 精彩推荐", " 转发 评论 点赞 收藏 举报", " 本文来源：连网 分享到：微信 微博 QQ空间",
            " （原标题已修改） 更多新闻请关注本站公众号"};
    static final String[] HOSTS = {"news.lyg-online.example.cn", "bbs.lianyungang.example.cn", "m.weibo.example.com",
            "www.jsnews.example.cn", "tieba.example.com", "www.toutiao.example.com", "mp.weixin.example.qq.com",
            "www.gylocal.example.cn"};
    static final String[] PLATFORMS = {"web", "forum", "weibo", "web", "forum", "news", "wechat", "web"};
    static final String[] AUTHORS = {"网友", "港城市民", "连网网友", "热心群众", "小港说事", "记者 王磊", "本地宝", "匿名用户"};

    /** The 10 kinds of happening: plan name, subject words (may be empty), event words. */
    static final String[][][] TOPICS = {
            {{"安全生产"}, {}, {"起火", "火灾", "爆炸", "泄漏", "浓烟", "储罐"}},
            {{"人员伤亡"}, {}, {"溺亡", "死亡", "遇难", "受伤", "伤亡", "身亡"}},
            {{"校园安全"}, {"学校", "小学", "中学", "幼儿园", "校车", "学生"}, {"超载", "发霉", "霸凌", "裂缝", "中毒", "腹痛"}},
            {{"生态环境"}, {}, {"异味", "扬尘", "偷排", "污染", "噪音", "臭味"}},
            {{"住房建设"}, {"小区", "开发商", "楼盘", "工地", "物业"}, {"违建", "加盖", "烂尾", "裂缝", "坍塌", "倒塌", "停水"}},
            {{"劳资纠纷"}, {}, {"欠薪", "拖欠工资", "讨薪", "罢工", "拖欠"}},
            {{"食品安全"}, {"餐馆", "饭店", "食堂", "超市", "菜市场"}, {"老鼠", "变质", "发霉", "食物中毒", "缺斤短两", "鬼秤"}},
            {{"交通出行"}, {}, {"坑洼", "封路", "堵路", "交通事故", "超载", "绕行"}},
            {{"民生服务"}, {}, {"停水", "停电", "涨价", "收费", "无人管", "投诉"}},
            {{"文旅市场"}, {"景区", "索道", "游客", "果农", "收购"}, {"宰客", "被困", "故障", "压价", "压低", "投诉"}}};
    static final List<String> EXCLUSIONS = List.of("演练", "演习", "招聘", "广告", "电视剧");

    private final List<Area> areas = new ArrayList<>();
    private final List<Story> stories = new ArrayList<>();
    private final List<String> passages = new ArrayList<>();
    private final List<List<String>> passageSentences = new ArrayList<>();
    private final Pattern places;
    private final Map<String, String> placeKind = new LinkedHashMap<>();

    private BenchCorpus(Path shared) throws IOException {
        Path d = shared.resolve("data/divisions");
        Map<String, List<String>> towns = new LinkedHashMap<>();
        for (String[] r : csv(d.resolve("streets.csv"))) {
            if (r.length >= 5 && "3207".equals(r[4])) {
                towns.computeIfAbsent(r[2], k -> new ArrayList<>()).add(r[1]);
            }
        }
        for (String[] r : csv(d.resolve("areas.csv"))) {
            if (r.length >= 3 && "3207".equals(r[2])) {
                String name = r[1];
                String shortName = name.startsWith("连云港") ? "经开区" : name.substring(0, name.length() - 1);
                areas.add(new Area(name, shortName, towns.getOrDefault(r[0], List.of())));
            }
        }
        // functional zones of the shipped jurisdiction (no statistical towns of their own)
        areas.add(new Area("连云港高新区", "高新区", List.of("花果山街道", "郁州街道")));
        areas.add(new Area("徐圩新区", "徐圩", List.of("徐圩街道", "石化基地")));
        areas.add(new Area("云台山风景名胜区", "云台山", List.of("宿城街道", "云台街道")));
        for (String line : Files.readAllLines(shared.resolve("fixtures/classify-dev.jsonl"))) {
            if (!line.isBlank()) {
                JsonNode n = JSON.readTree(line);
                stories.add(new Story(n.get("title").asText(), n.get("text").asText()));
            }
        }
        for (String res : List.of("/jurisdiction-test/own-posts.jsonl", "/demo/posts.jsonl")) {
            try (InputStream in = BenchCorpus.class.getResourceAsStream(res)) {
                if (in == null) {
                    continue;
                }
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    if (!line.isBlank()) {
                        JsonNode n = JSON.readTree(line);
                        JsonNode text = n.has("text") ? n.get("text") : n.get("body");
                        stories.add(new Story(n.get("title").asText(), text.asText()));
                    }
                }
            }
        }
        Path pages = shared.resolve("fixtures/pages");
        try (Stream<Path> s = Files.list(pages.resolve("cwced/cleaned"))) {
            for (Path p : s.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                passages.add(Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        Path gne = pages.resolve("gne/reference-output.json");
        if (Files.isRegularFile(gne)) {
            JsonNode n = JSON.readTree(gne.toFile());
            for (JsonNode v : (Iterable<JsonNode>) () -> n.isArray() ? n.elements() : n.elements()) {
                JsonNode body = v.get("content");
                if (body == null) {
                    body = v.get("body");
                }
                if (body != null && body.isTextual()) {
                    passages.add(body.asText());
                }
            }
        }
        for (String p : passages) {
            List<String> ss = sentences(p.replaceAll("\\s+", ""));
            passageSentences.add(ss.isEmpty() ? List.of("（无正文）") : ss);
        }
        for (Area a : areas) {
            placeKind.put(a.name(), "area");
            placeKind.put(a.shortName(), "areaShort");
            for (String t : a.towns()) {
                placeKind.put(t, "town");
            }
        }
        List<String> names = new ArrayList<>(placeKind.keySet());
        names.sort(Comparator.comparingInt(String::length).reversed());
        places = Pattern.compile(String.join("|", names.stream().map(Pattern::quote).toList()));
    }

    public static Path shared() {
        return Path.of(System.getProperty("tingfeng.shared", Path.of("..", "shared").toString()));
    }

    /** Whether ../shared holds what the corpus is made of. */
    public static boolean present() {
        Path s = shared();
        return Files.isRegularFile(s.resolve("fixtures/classify-dev.jsonl")) && Files.isDirectory(s.resolve("fixtures/pages"))
                && Files.isRegularFile(s.resolve("data/divisions/streets.csv"));
    }

    public static BenchCorpus load() {
        try {
            return new BenchCorpus(shared());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int stories() {
        return stories.size();
    }

    public int passages() {
        return passages.size();
    }

    /** The 100 plans (10 areas × 10 kinds of happening); {@code suffix} makes the names unique per run. */
    public List<PlanSpec> plans(String suffix) {
        List<PlanSpec> out = new ArrayList<>();
        Random rnd = new Random(100);
        for (int a = 0; a < 10; a++) {
            Area area = areas.get(a % areas.size());
            List<String> regions = new ArrayList<>(List.of(area.name(), area.shortName()));
            List<String> towns = new ArrayList<>(area.towns());
            java.util.Collections.shuffle(towns, rnd);
            regions.addAll(towns.subList(0, Math.min(towns.size(), 6)));
            for (int t = 0; t < TOPICS.length; t++) {
                String name = area.shortName() + "-" + TOPICS[t][0][0] + "-" + suffix;
                List<String> subjects = List.of(TOPICS[t][1]);
                List<String> events = List.of(TOPICS[t][2]);
                if ((a + t) % 4 == 3) {  // the expression language: NEAR, title:, NOT
                    String region = "(" + String.join(" OR ", regions) + ")";
                    String ev = "(" + String.join(" OR ", events) + ")";
                    String rule = switch ((a + t) % 3) {
                        case 0 -> region + " AND " + ev + " NOT (演练 OR 演习)";
                        case 1 -> region + " AND 标题:" + ev + " NOT 招聘";
                        default -> "(" + String.join(" OR ", events.stream().map(e -> "(" + area.shortName() + " NEAR/40 " + e
                                + ")").toList()) + ") NOT 演练";
                    };
                    out.add(new PlanSpec(name, rule, null, null, null, null));
                } else {
                    out.add(new PlanSpec(name, null, regions, subjects, events, EXCLUSIONS.subList(0, 2 + (t % 3))));
                }
            }
        }
        return out;
    }

    /**
     * {@code n} posts published over {@code span} before {@code end}, in publication order: about 40 % event posts,
     * 30 % reposts of them, 30 % unrelated passages. URLs start with {@code https://<host>/<run>/}.
     */
    public List<Item> posts(int n, long seed, String run, Instant end, Duration span) {
        Random rnd = new Random(seed);
        List<Item> out = new ArrayList<>(n);
        List<Integer> events = new ArrayList<>();
        long spanSec = Math.max(1, span.toSeconds());
        Instant start = end.minus(span);
        for (int i = 0; i < n; i++) {
            Instant at = start.plusSeconds(spanSec * i / n);
            int roll = rnd.nextInt(10);
            if (roll < 3 && !events.isEmpty()) {
                int o = events.get(Math.max(0, events.size() - 1 - rnd.nextInt(Math.min(events.size(), 40))));
                out.add(repost(out.get(o), o, rnd, run, i, at));
            } else if (roll < 7) {
                events.add(out.size());
                out.add(event(rnd, run, i, at));
            } else {
                out.add(noise(rnd, run, i, at));
            }
        }
        return out;
    }

    public Item event(Random rnd, String run, int i, Instant at) {
        Story s = stories.get(rnd.nextInt(stories.size()));
        Area area = areas.get(rnd.nextInt(areas.size()));
        String town = area.towns().isEmpty() ? area.name() : area.towns().get(rnd.nextInt(area.towns().size()));
        String title = relocate(s.title(), area, town);
        List<String> own = sentences(relocate(s.text(), area, town));
        List<String> sentences = new ArrayList<>();
        sentences.add(own.get(0));  // what happened
        for (int k = 1; k < own.size(); k++) {
            if (rnd.nextInt(3) != 0) {
                sentences.add(own.get(k));
            }
        }
        for (int k = 0, details = 1 + rnd.nextInt(3); k < details; k++) {  // details and follow-ups of other reports
            List<String> other = sentences(relocate(stories.get(rnd.nextInt(stories.size())).text(), area, town));
            sentences.add(other.get(other.size() == 1 ? 0 : 1 + rnd.nextInt(other.size() - 1)));
        }
        if (!mentionsPlace(title + String.join("", sentences))) {
            sentences.add(0, "连云港" + area.name() + town + "网友反映：");
        }
        for (int k = 0, extra = 1 + rnd.nextInt(2); k < extra; k++) {
            String r = REACTIONS[rnd.nextInt(REACTIONS.length)].replace("{c}", area.name()).replace("{t}", town);
            sentences.add(1 + rnd.nextInt(sentences.size()), r);
        }
        if (rnd.nextInt(4) == 0) {
            title = title + (rnd.nextBoolean() ? "，网友热议" : " 视频");
        }
        int h = rnd.nextInt(HOSTS.length);
        return new Item("https://" + HOSTS[h] + "/" + run + "/e" + i + ".html", title, String.join("", sentences),
                AUTHORS[rnd.nextInt(AUTHORS.length)], at, PLATFORMS[h], "event", -1);
    }

    Item repost(Item o, int index, Random rnd, String run, int i, Instant at) {
        StringBuilder b = new StringBuilder(o.body());
        for (int k = 0, edits = 1 + rnd.nextInt(3); k < edits && b.length() > 0; k++) {
            b.setCharAt(rnd.nextInt(b.length()), "的了是在和".charAt(rnd.nextInt(5)));
        }
        String body = REPOST_PREFIX[rnd.nextInt(REPOST_PREFIX.length)] + b + FURNITURE[rnd.nextInt(FURNITURE.length)];
        String title = rnd.nextInt(3) == 0 ? "转：" + o.title() : o.title();
        int h = rnd.nextInt(HOSTS.length);
        return new Item("https://" + HOSTS[h] + "/" + run + "/r" + i + ".html", title, body, AUTHORS[rnd.nextInt(AUTHORS.length)],
                at, PLATFORMS[h], "repost", index);
    }

    Item noise(Random rnd, String run, int i, Instant at) {
        List<String> s = passageSentences.get(rnd.nextInt(passageSentences.size()));
        int len = Math.min(s.size(), 3 + rnd.nextInt(8));
        int from = s.size() <= len ? 0 : rnd.nextInt(s.size() - len);
        String body = String.join("", s.subList(from, from + len));
        if (body.length() > 1500) {
            body = body.substring(0, 1500);
        }
        String title = s.isEmpty() ? "（无标题）" : s.get(from);
        title = title.length() > 30 ? title.substring(0, 30) : title;
        int h = rnd.nextInt(HOSTS.length);
        return new Item("https://" + HOSTS[h] + "/" + run + "/n" + i + ".html", title, body, AUTHORS[rnd.nextInt(AUTHORS.length)], at,
                PLATFORMS[h], "noise", -1);
    }

    private String relocate(String text, Area area, String town) {
        Matcher m = places.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String kind = placeKind.get(m.group());
            m.appendReplacement(out, Matcher.quoteReplacement(switch (kind) {
                case "area" -> area.name();
                case "areaShort" -> area.shortName();
                default -> town;
            }));
        }
        m.appendTail(out);
        return out.toString();
    }

    private boolean mentionsPlace(String text) {
        return text.contains("连云港") || places.matcher(text).find();
    }

    static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("[^。！？!?]+[。！？!?]?").matcher(text);
        while (m.find()) {
            String s = m.group().strip();
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    private static List<String[]> csv(Path p) throws IOException {
        List<String[]> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(p);
        for (String l : lines.subList(1, lines.size())) {
            out.add(l.replace("\"", "").split(","));
        }
        return out;
    }
}
