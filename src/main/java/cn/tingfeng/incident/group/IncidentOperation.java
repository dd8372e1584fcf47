package cn.tingfeng.incident.group;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An analyst's merge or split of incidents, by ids, with a reason; the service records it. {@link #apply}
 * computes the new membership (incident id → post ids) from the old one and rejects invalid operations
 * with a Chinese message.
 */
public sealed interface IncidentOperation {

    String actor();

    String reason();

    Instant at();

    Map<String, Set<String>> apply(Map<String, Set<String>> membership);

    /** Moves all posts of {@code sources} into {@code target}; the sources end up empty (closed as merged). */
    record Merge(String target, List<String> sources, String actor, String reason, Instant at)
            implements IncidentOperation {
        public Merge {
            sources = List.copyOf(sources);
            requireReason(reason);
            if (sources.isEmpty() || sources.contains(target)) {
                throw new IllegalArgumentException("合并需要至少一个不同于目标事件的来源事件");
            }
        }

        @Override
        public Map<String, Set<String>> apply(Map<String, Set<String>> membership) {
            Map<String, Set<String>> out = copy(membership);
            requireKnown(out, target);
            for (String s : sources) {
                requireKnown(out, s);
                out.get(target).addAll(out.get(s));
                out.get(s).clear();
            }
            return out;
        }
    }

    /** Moves {@code posts} out of {@code source} into the new incident {@code newIncidentId}. */
    record Split(String source, Set<String> posts, String newIncidentId, String actor, String reason, Instant at)
            implements IncidentOperation {
        public Split {
            posts = Set.copyOf(posts);
            requireReason(reason);
            if (posts.isEmpty()) {
                throw new IllegalArgumentException("拆分需要至少选择一条信息");
            }
        }

        @Override
        public Map<String, Set<String>> apply(Map<String, Set<String>> membership) {
            Map<String, Set<String>> out = copy(membership);
            requireKnown(out, source);
            if (out.containsKey(newIncidentId)) {
                throw new IllegalArgumentException("新事件编号已存在：" + newIncidentId);
            }
            if (!out.get(source).containsAll(posts)) {
                throw new IllegalArgumentException("所选信息不全属于事件 " + source);
            }
            if (out.get(source).size() == posts.size()) {
                throw new IllegalArgumentException("不能把事件的全部信息拆出，原事件至少保留一条");
            }
            out.get(source).removeAll(posts);
            out.put(newIncidentId, new LinkedHashSet<>(posts));
            return out;
        }
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("合并或拆分事件必须填写理由");
        }
    }

    private static void requireKnown(Map<String, Set<String>> m, String id) {
        if (!m.containsKey(id)) {
            throw new IllegalArgumentException("事件不存在：" + id);
        }
    }

    private static Map<String, Set<String>> copy(Map<String, Set<String>> m) {
        Map<String, Set<String>> out = new HashMap<>();
        m.forEach((k, v) -> out.put(k, new LinkedHashSet<>(v)));
        return out;
    }
}
