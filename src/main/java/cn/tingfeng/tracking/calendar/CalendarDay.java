package cn.tingfeng.tracking.calendar;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.LocalDate;

/** A listed day: {@code isOffDay} true = 放假, false = 调休上班. */
public record CalendarDay(LocalDate date, String name, @JsonProperty("isOffDay") boolean isOffDay) {
}
