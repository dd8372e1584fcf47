package cn.tingfeng.web;

import cn.tingfeng.security.CurrentUser;
import cn.tingfeng.shared.Roles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;

/** The top navigation of every signed-in page (the layout reads it as {@code inject:webNav}). */
@Named("webNav")
@RequestScoped
public class WebNav {
    public record Item(String label, String href) {
    }

    @Inject
    CurrentUser user;

    public boolean signedIn() {
        return !"anonymous".equals(user.username());
    }

    public String username() {
        return user.username();
    }

    public String roles() {
        return String.join("、", RoleHome.labels(user::has));
    }

    public List<Item> items() {
        List<Item> items = new ArrayList<>();
        if (!signedIn()) {
            return items;
        }
        items.add(new Item("工作台", "/home"));
        if (user.has(Roles.ANALYST) || user.has(Roles.ADMIN) || user.has(Roles.LEADER)) {
            items.add(new Item("监测方案", "/app/plans"));
        }
        if (user.has(Roles.ANALYST)) {
            items.add(new Item("预警队列", "/app/alerts"));
        }
        if (user.has(Roles.ANALYST) || user.has(Roles.ADMIN) || user.has(Roles.LEADER)) {
            items.add(new Item("全文检索", "/app/search"));
        }
        if (user.has(Roles.ANALYST) || user.has(Roles.LEADER) || user.has(Roles.SUPERVISOR)) {
            items.add(new Item("舆情事件", "/app/incidents"));
        }
        if (user.has(Roles.DEPARTMENT)) {
            items.add(new Item("本单位待办", "/app/tasks"));
        }
        if (user.has(Roles.LEADER) || user.has(Roles.ADMIN) || user.has(Roles.SUPERVISOR)) {
            items.add(new Item("回应率看板", "/app/dashboard"));
        }
        if (user.has(Roles.LEADER) || user.has(Roles.ADMIN) || user.has(Roles.SUPERVISOR)) {
            items.add(new Item(user.has(Roles.LEADER) ? "我的批示" : "领导批示", "/app/instructions"));
        }
        if (user.has(Roles.SUPERVISOR) || user.has(Roles.ADMIN)) {
            items.add(new Item("督办记录", "/app/supervision"));
        }
        if (user.has(Roles.ANALYST) || user.has(Roles.ADMIN) || user.has(Roles.LEADER) || user.has(Roles.SUPERVISOR)) {
            items.add(new Item("舆情报告", "/app/reports"));
        }
        if (user.has(Roles.ADMIN)) {
            items.add(new Item("采集来源", "/app/sources"));
            items.add(new Item("系统管理", "/app/admin"));
        }
        return items;
    }
}
