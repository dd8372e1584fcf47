package cn.tingfeng.incident.group;

import com.hankcs.hanlp.HanLP;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IncidentGrouperTest {

    private static final Instant T0 = Instant.parse("2026-11-20T00:00:00Z");

    /** Generic repost-style rewrites of a post; {@code kind} picks one. */
    static String[] variant(String title, String text, int kind, Random rnd) {
        String[] sentences = text.split("(?<=[。！？])");
        switch (kind) {
            case 0:
                return new String[] {"转：" + title, "据网友爆料，" + text + "（来源：本地论坛）"};
            case 1: {
                List<String> s = new ArrayList<>(List.of(sentences));
                Collections.rotate(s, 1);
                String first = text.split("[，。]")[0];
                return new String[] {first, String.join("", s)};
            }
            case 2:
                return new String[] {HanLP.convertToTraditionalChinese(title) + "！",
                        HanLP.convertToTraditionalChinese(text)};
            default: {
                String lead = sentences[rnd.nextInt(sentences.length)];
                return new String[] {"", "【" + title + "】" + lead + " 转发扩散，希望有关部门重视！"};
            }
        }
    }

    @Test
    void repostStyleVariantsGroupWithTheirOriginalAndDifferentHappeningsStayApart() {
        Assumptions.assumeTrue(Fixtures.present(), "../shared not present: skipping fixture test");
        List<Fixtures.DevPost> dev = Fixtures.devPosts();
        IncidentGrouper grouper = new IncidentGrouper(GroupingConfig.defaults(), Fixtures.places());
        Random rnd = new Random(3);
        record Item(String happening, GroupPost post) {
        }
        List<Item> items = new ArrayList<>();
        for (Fixtures.DevPost d : dev) {
            items.add(new Item(d.id(), new GroupPost(d.id(), d.title(), d.text(), T0.plus(Duration.ofMinutes(rnd.nextInt(600))), "src0")));
            for (int k = 0; k < 4; k++) {
                String[] v = variant(d.title(), d.text(), k, rnd);
                items.add(new Item(d.id(), new GroupPost(d.id() + "-v" + k, v[0], v[1],
                        T0.plus(Duration.ofMinutes(rnd.nextInt(600))), "src" + (k + 1))));
            }
        }
        items.sort(Comparator.comparing(i -> i.post().publishedAt()));
        Map<String, IncidentSignature> open = new LinkedHashMap<>();
        Map<String, String> incidentOfPost = new HashMap<>();
        int n = 0;
        for (Item it : items) {
            PostFeatures f = grouper.features(it.post());
            GroupingDecision d = grouper.decide(f, it.post().publishedAt(), open.values());
            String incident;
            if (d instanceof GroupingDecision.Join j) {
                incident = j.incidentId();
                open.put(incident, open.get(incident).absorb(f, it.post().publishedAt()));
            } else {
                incident = "inc-" + (++n);
                open.put(incident, IncidentSignature.start(incident, f, it.post().publishedAt()));
            }
            incidentOfPost.put(it.post().postId(), incident);
        }
        int samePairs = 0;
        int sameTogether = 0;
        int differentTogether = 0;
        for (int a = 0; a < items.size(); a++) {
            for (int b = a + 1; b < items.size(); b++) {
                boolean together = incidentOfPost.get(items.get(a).post().postId())
                        .equals(incidentOfPost.get(items.get(b).post().postId()));
                if (items.get(a).happening().equals(items.get(b).happening())) {
                    samePairs++;
                    sameTogether += together ? 1 : 0;
                } else if (together) {
                    differentTogether++;
                    System.out.printf("wrongly grouped: %s / %s%n", items.get(a).post(), items.get(b).post());
                }
            }
        }
        double recall = sameTogether / (double) samePairs;
        System.out.printf("grouping: %d posts about %d happenings -> %d incidents; same-happening pairs together %.3f; "
                + "different-happening pairs together %d%n", items.size(), dev.size(), open.size(), recall, differentTogether);
        assertThat(differentTogether).isZero();
        assertThat(recall).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void differentHappeningsAtTheSamePlaceWithTheSameKindOfSubjectStayApart() {
        Assumptions.assumeTrue(Fixtures.present(), "../shared not present: skipping fixture test");
        IncidentGrouper g = new IncidentGrouper(GroupingConfig.defaults(), Fixtures.places());
        GroupPost fire = new GroupPost("a", "同兴镇一化工企业储罐起火", "灌云县同兴镇一化工企业储罐区突发火灾，浓烟滚滚，消防部门正在扑救。", T0, "s1");
        GroupPost wages = new GroupPost("b", "同兴镇一化工企业拖欠工人工资", "灌云县同兴镇一化工企业数十名工人反映，公司已三个月未发工资，多次讨要无果。",
                T0.plusSeconds(3600), "s2");
        GroupPost otherTown = new GroupPost("c", "堆沟港镇一化工企业储罐起火", "灌南县堆沟港镇一化工企业储罐区突发火灾，浓烟滚滚，消防部门正在扑救。",
                T0.plusSeconds(1800), "s3");
        GroupPost sameFireCounty = new GroupPost("d", "", "灌云一化工厂起火了，储罐那边浓烟滚滚，消防车来了好几辆", T0.plusSeconds(900), "s4");
        IncidentSignature s = IncidentSignature.start("fire", g.features(fire), T0);
        GroupingDecision w = g.decide(wages, List.of(s));
        GroupingDecision o = g.decide(otherTown, List.of(s));
        GroupingDecision same = g.decide(sameFireCounty, List.of(s));
        System.out.printf("wages: %s%nother town: %s%nsame fire: %s%n", w, o, same);
        assertThat(w).isInstanceOf(GroupingDecision.New.class);
        assertThat(o).isInstanceOf(GroupingDecision.New.class);
        assertThat(same).isInstanceOf(GroupingDecision.Join.class);
    }

    @Test
    void aPlaceWordCutOutOfTwoDifferentStreetNamesDoesNotBridgeTwoDistricts() {
        Assumptions.assumeTrue(Fixtures.present(), "../shared not present: skipping fixture test");
        IncidentGrouper g = new IncidentGrouper(GroupingConfig.defaults(), Fixtures.places());
        GroupPost xugou = new GroupPost("a", "连云区墟沟街道大面积停电", "连云区墟沟街道多个小区今晚突然大面积停电，居民家中冰箱空调全部停摆，"
                + "供电公司抢修人员已到场。", T0, "s1");
        GroupPost xingfu = new GroupPost("b", "海州区幸福路街道大面积停电", "海州区幸福路街道多个小区今晚突然大面积停电，居民家中冰箱空调全部停摆，"
                + "供电公司抢修人员已到场。", T0.plusSeconds(600), "s2");
        IncidentSignature s = IncidentSignature.start("xugou", g.features(xugou), T0);
        GroupingDecision d = g.decide(xingfu, List.of(s));
        assertThat(d).as("two districts, two power cuts: %s", d).isInstanceOf(GroupingDecision.New.class);
        assertThat(((GroupingDecision.New) d).nearest().conflict()).isTrue();
    }

    @Test
    void theSameStoryOutsideTheTimeWindowStartsANewIncident() {
        IncidentGrouper g = new IncidentGrouper(GroupingConfig.defaults(), PlaceSet.empty());
        GroupPost p = new GroupPost("a", "连云港一化工园区发生爆炸", "连云港某化工园区一企业发生爆炸，已造成多人受伤。", T0, "s");
        IncidentSignature s = IncidentSignature.start("inc-1", g.features(p), T0);
        GroupPost same = new GroupPost("b", p.title(), p.text(), T0.plus(Duration.ofHours(5)), "s2");
        GroupPost late = new GroupPost("c", p.title(), p.text(), T0.plus(Duration.ofDays(10)), "s3");
        assertThat(g.decide(same, List.of(s))).isInstanceOfSatisfying(GroupingDecision.Join.class,
                j -> assertThat(j.score().total()).isGreaterThan(0.8));
        assertThat(g.decide(late, List.of(s))).isInstanceOf(GroupingDecision.New.class);
    }

    @Test
    void mergeMovesPostsAndSplitCreatesANewIncidentWithAReason() {
        Map<String, Set<String>> m = Map.of("i1", Set.of("p1", "p2"), "i2", Set.of("p3"));
        Map<String, Set<String>> merged = new IncidentOperation.Merge("i1", List.of("i2"), "analyst1", "同一事件", T0).apply(m);
        assertThat(merged.get("i1")).containsExactlyInAnyOrder("p1", "p2", "p3");
        assertThat(merged.get("i2")).isEmpty();
        Map<String, Set<String>> split = new IncidentOperation.Split("i1", Set.of("p3"), "i3", "analyst1", "不是同一起事故", T0)
                .apply(merged);
        assertThat(split.get("i1")).containsExactlyInAnyOrder("p1", "p2");
        assertThat(split.get("i3")).containsExactly("p3");
        assertThatThrownBy(() -> new IncidentOperation.Merge("i1", List.of("i2"), "a", " ", T0))
                .hasMessageContaining("理由");
        assertThatThrownBy(() -> new IncidentOperation.Split("i2", Set.of("p1"), "i4", "a", "错", T0).apply(m))
                .hasMessageContaining("不全属于");
    }
}
