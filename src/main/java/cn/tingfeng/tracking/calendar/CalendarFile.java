package cn.tingfeng.tracking.calendar;

import java.util.List;

/** The calendar file format (shipped {@code calendar/holidays-cn.json} and the administrator's override). */
public record CalendarFile(String description, String source, List<CalendarYear> years) {
    public List<CalendarYear> yearsOrEmpty() {
        return years == null ? List.of() : years;
    }
}
