package cn.tingfeng.report;

import cn.tingfeng.shared.ApiException;
import cn.tingfeng.shared.Grade;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

/**
 * A validated statistics query: the days {@code from}..{@code to} (inclusive, in the configured zone; incidents are
 * selected by their start) and the scope. {@code county} is a territory code, name or id, resolved by the service.
 */
public record StatsQuery(LocalDate from, LocalDate to, String county, Long unitId, String grade, String category,
                         Long planId) {
    /** Longest range accepted (about ten years): bounds the daily trend. */
    public static final long MAX_DAYS = 3700;

    public static StatsQuery of(LocalDate from, LocalDate to, String county, Long unitId, String grade, String category,
                                Long planId) {
        if (from == null) throw ApiException.badRequest("from", "不能为空（YYYY-MM-DD）");
        if (to == null) throw ApiException.badRequest("to", "不能为空（YYYY-MM-DD）");
        if (from.isAfter(to)) throw ApiException.badRequest("from", "不能晚于 to");
        if (ChronoUnit.DAYS.between(from, to) > MAX_DAYS) throw ApiException.badRequest("to", "时间范围不能超过 " + MAX_DAYS + " 天");
        if (grade != null && !grade.isBlank() && Arrays.stream(Grade.values()).noneMatch(g -> g.name().equals(grade))) {
            throw ApiException.badRequest("grade", "须为 I、II、III 或 IV");
        }
        if (unitId != null && unitId <= 0) throw ApiException.badRequest("unitId", "须为正整数");
        if (planId != null && planId <= 0) throw ApiException.badRequest("plan", "须为正整数");
        if (category != null && category.length() > 64) throw ApiException.badRequest("category", "过长");
        if (county != null && county.length() > 100) throw ApiException.badRequest("county", "过长");
        return new StatsQuery(from, to, blank(county), unitId, blank(grade), blank(category), planId);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
