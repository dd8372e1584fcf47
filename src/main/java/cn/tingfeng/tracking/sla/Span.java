package cn.tingfeng.tracking.sla;

import cn.tingfeng.tracking.calendar.WorkdayCalendar;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A configured length of time, written as text so YAML and properties stay short:
 * {@code 30m} (minutes), {@code 3h} (hours), {@code 2d} (calendar days of 24 h, wall clock) or
 * {@code 5wd} (working days, see {@link WorkdayCalendar#addWorkdays}).
 */
public record Span(long amount, Unit unit) {

    public enum Unit {
        MINUTES("m"), HOURS("h"), DAYS("d"), WORKING_DAYS("wd");

        final String suffix;

        Unit(String suffix) {
            this.suffix = suffix;
        }
    }

    private static final Pattern SYNTAX = Pattern.compile("(\\d{1,6})\\s*(m|min|h|d|wd)");

    public Span {
        if (unit == null) throw new IllegalArgumentException("时长缺少单位");
        if (amount < 0) throw new IllegalArgumentException("时长不能为负: " + amount);
    }

    @JsonCreator
    public static Span parse(String text) {
        if (text == null) return null;
        Matcher m = SYNTAX.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("无法识别的时长 \"" + text + "\"，应写作 30m、3h、2d 或 5wd");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "m", "min" -> new Span(n, Unit.MINUTES);
            case "h" -> new Span(n, Unit.HOURS);
            case "d" -> new Span(n, Unit.DAYS);
            default -> new Span(n, Unit.WORKING_DAYS);
        };
    }

    public static Span minutes(long n) {
        return new Span(n, Unit.MINUTES);
    }

    public static Span hours(long n) {
        return new Span(n, Unit.HOURS);
    }

    public static Span workingDays(long n) {
        return new Span(n, Unit.WORKING_DAYS);
    }

    public boolean isWorkingDays() {
        return unit == Unit.WORKING_DAYS;
    }

    /** Wall-clock length; not defined for working days. */
    public Duration duration() {
        return switch (unit) {
            case MINUTES -> Duration.ofMinutes(amount);
            case HOURS -> Duration.ofHours(amount);
            case DAYS -> Duration.ofDays(amount);
            case WORKING_DAYS -> throw new IllegalStateException("工作日时长没有固定的小时数");
        };
    }

    /** The deadline this span after {@code start}. */
    public Instant after(Instant start, WorkdayCalendar calendar) {
        return isWorkingDays() ? calendar.addWorkdays(start, (int) amount) : start.plus(duration());
    }

    /**
     * The instant this span before {@code deadline} (for reminders): wall-clock subtraction, or for
     * working days the morning (00:00) of the N-th working day counted back from the deadline's day.
     */
    public Instant before(Instant deadline, WorkdayCalendar calendar) {
        if (!isWorkingDays()) return deadline.minus(duration());
        if (amount == 0) return deadline;
        return calendar.startOfNthWorkdayBefore(deadline, (int) amount);
    }

    /** Chinese label: 30 分钟, 3 小时, 2 天, 5 个工作日. */
    public String label() {
        return switch (unit) {
            case MINUTES -> amount + " 分钟";
            case HOURS -> amount + " 小时";
            case DAYS -> amount + " 天";
            case WORKING_DAYS -> amount + " 个工作日";
        };
    }

    @JsonValue
    @Override
    public String toString() {
        return amount + unit.suffix;
    }
}
