package cn.tingfeng.web;

import java.time.Duration;
import java.time.Instant;

/**
 * A clock's remaining time for people: "还剩 2 小时 15 分", "已超目标时限 40 分，距最迟时限还剩 1 小时 20 分", "已超时 40 分",
 * with its colour (CSS class): green before the target, amber between target and limit, red after the limit; a met or
 * stopped clock has no countdown. Minutes are rounded down (a clerk is never told there is more time than there is);
 * from one day on, days and hours. Deadlines are half-open: at the target instant the target has passed. Pure.
 */
public final class CountdownFormat {
    /** Text and CSS class ({@code cd-green}, {@code cd-amber}, {@code cd-red}, {@code cd-done}, {@code cd-stopped}). */
    public record Countdown(String text, String css, boolean running) {
    }

    private CountdownFormat() {
    }

    public static Countdown of(Instant target, Instant limit, Instant metAt, Instant stoppedAt, Instant now) {
        if (metAt != null) {
            return new Countdown("已于 " + WebFormat.local(metAt) + " 完成", "cd-done", false);
        }
        if (stoppedAt != null) {
            return new Countdown("已停止（未完成），计时止于 " + WebFormat.local(stoppedAt), "cd-stopped", false);
        }
        if (now.isBefore(target)) {
            return new Countdown("还剩 " + human(Duration.between(now, target)), "cd-green", true);
        }
        if (now.isBefore(limit)) {
            return new Countdown("已超目标时限 " + human(Duration.between(target, now)) + "，距最迟时限还剩 "
                    + human(Duration.between(now, limit)), "cd-amber", true);
        }
        return new Countdown("已超时 " + human(Duration.between(limit, now)), "cd-red", true);
    }

    /** 2 天 3 小时 · 2 小时 15 分 · 40 分 · 不到 1 分 (rounded down). */
    static String human(Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        if (minutes < 1) {
            return "不到 1 分";
        }
        long days = minutes / (24 * 60);
        long hours = minutes % (24 * 60) / 60;
        long mins = minutes % 60;
        if (days > 0) {
            return days + " 天" + (hours > 0 ? " " + hours + " 小时" : "");
        }
        if (hours > 0) {
            return hours + " 小时" + (mins > 0 ? " " + mins + " 分" : "");
        }
        return mins + " 分";
    }
}
