package cn.tingfeng.web;

import cn.tingfeng.shared.Roles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** What each role sees first after login. */
final class RoleHome {
    private static final Map<String, String> LABELS = Map.of(
            Roles.ADMIN, "系统管理员", Roles.ANALYST, "舆情分析员", Roles.DEPARTMENT, "承办单位",
            Roles.LEADER, "领导", Roles.SUPERVISOR, "督查督办");

    private RoleHome() {
    }

    static List<String> labels(Predicate<String> hasRole) {
        return Roles.ALL.stream().filter(hasRole).map(LABELS::get).toList();
    }

    static List<WebPages.Panel> panels(Predicate<String> hasRole) {
        List<WebPages.Panel> panels = new ArrayList<>();
        if (hasRole.test(Roles.ANALYST)) {
            panels.add(new WebPages.Panel("预警队列", "新发现的舆情事件：核实、定级、交办", "/app/alerts"));
            panels.add(new WebPages.Panel("舆情事件", "事件列表：状态、等级、热度上升、交办与时限", "/app/incidents"));
            panels.add(new WebPages.Panel("监测方案", "规则编辑、实时校验、命中预览与版本记录", "/app/plans"));
        }
        if (hasRole.test(Roles.DEPARTMENT)) {
            panels.add(new WebPages.Panel("本单位待办", "签收交办事项，发布权威信息，反馈办理情况", "/app/tasks"));
        }
        if (hasRole.test(Roles.LEADER)) {
            panels.add(new WebPages.Panel("回应率看板", "各等级事件、时限达成、回应及时率、反馈率、办结率", "/app/dashboard"));
        }
        if (hasRole.test(Roles.SUPERVISOR)) {
            panels.add(new WebPages.Panel("督办记录", "催办、督办、问责记录", "/app/supervision"));
        }
        if (hasRole.test(Roles.ADMIN)) {
            panels.add(new WebPages.Panel("系统管理", "账号、单位与接口文档", "/app/admin"));
            panels.add(new WebPages.Panel("采集来源", "来源健康、重新加载、立即采集、预览抽取", "/app/sources"));
        }
        return panels;
    }
}
