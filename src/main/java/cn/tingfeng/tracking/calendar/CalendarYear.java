package cn.tingfeng.tracking.calendar;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One State Council notice: its year, whether it is published, the notice URLs and the listed days.
 * A notice may list a day of the previous year (2022-12-31 sits in the 2023 notice).
 * {@code published} may be omitted: a year with days counts as published.
 */
public record CalendarYear(int year, Boolean published, List<String> papers, List<CalendarDay> days) {

    public boolean isPublished() {
        return published != null ? published : !daysOrEmpty().isEmpty();
    }

    public List<CalendarDay> daysOrEmpty() {
        return days == null ? List.of() : days;
    }

    void validate() {
        if (year < 1949 || year > 2200) throw new IllegalArgumentException("节假日文件年份无效: " + year);
        Set<java.time.LocalDate> seen = new HashSet<>();
        for (CalendarDay d : daysOrEmpty()) {
            if (d.date() == null) throw new IllegalArgumentException(year + " 年节假日文件中有缺少日期的条目");
            if (Math.abs(d.date().getYear() - year) > 1) {
                throw new IllegalArgumentException(year + " 年节假日文件中的日期不属于该年: " + d.date());
            }
            if (!seen.add(d.date())) throw new IllegalArgumentException(year + " 年节假日文件中日期重复: " + d.date());
        }
    }
}
