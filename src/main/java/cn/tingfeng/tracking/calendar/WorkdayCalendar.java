package cn.tingfeng.tracking.calendar;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The official Chinese working-day calendar (工作日), including the adjusted working weekends (调休).
 *
 * <p>A date is a working day when it is listed with {@code isOffDay: false} (调休上班), or when it is
 * Monday–Friday and not listed with {@code isOffDay: true} (放假). For a year whose State Council notice
 * is not published ({@link #covers(int)} false) only the Monday–Friday rule applies; callers show
 * {@link #missingNextYearWarning(LocalDate)} so the administrator loads the notice in time.
 *
 * <h2>"N working days after an instant"</h2>
 * Following the Civil Code's rule on periods (民法典 第二百零一条、第二百零三条: the starting day is not
 * counted; the period ends at 24:00 of its last day; a last day that is a holiday moves to the next
 * working day), {@link #addWorkdays(Instant, int)} takes the date of the instant in Asia/Shanghai,
 * does <em>not</em> count that date (whatever the hour, working day or not), walks forward to the
 * N-th working day after it, and returns the end of that day: 00:00 Asia/Shanghai of the following
 * calendar day. That instant is the first moment at which the obligation is late (deadlines are
 * half-open everywhere in the tracker: done strictly before the deadline is on time).
 * Example: anything received on Friday 2026-02-13 with N = 1 is due by the end of Saturday 2026-02-14
 * (a 调休 working day), i.e. {@code 2026-02-15T00:00+08:00}. N = 0 means "by the end of the same day
 * if it is a working day, else by the end of the next working day". An instant at exactly 00:00 is
 * read as 24:00 of the previous day, so deadlines chain: N working days after a deadline that is
 * itself "M working days after t" equals "N + M working days after t".
 *
 * <p>Immutable and thread-safe.
 */
public final class WorkdayCalendar {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** Classpath location of the shipped calendar. */
    public static final String SHIPPED_RESOURCE = "/calendar/holidays-cn.json";
    /** Far enough for any deadline; beyond it a request is surely a bug (e.g. a negative overflow). */
    private static final int MAX_WORKDAYS = 3660;

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Map<LocalDate, Boolean> offDays; // date -> true (放假) / false (调休上班)
    private final Map<LocalDate, String> names;
    private final SortedSet<Integer> coveredYears;
    private final SortedSet<Integer> knownUnpublishedYears;

    private WorkdayCalendar(List<CalendarYear> years) {
        Map<LocalDate, Boolean> off = new HashMap<>();
        Map<LocalDate, String> nm = new HashMap<>();
        SortedSet<Integer> covered = new TreeSet<>();
        SortedSet<Integer> unpublished = new TreeSet<>();
        for (CalendarYear y : years) {
            if (y.isPublished()) {
                covered.add(y.year());
            } else {
                unpublished.add(y.year());
            }
            for (CalendarDay d : y.daysOrEmpty()) {
                off.put(d.date(), d.isOffDay());
                if (d.name() != null) nm.put(d.date(), d.name());
            }
        }
        this.offDays = Map.copyOf(off);
        this.names = Map.copyOf(nm);
        this.coveredYears = Collections.unmodifiableSortedSet(covered);
        this.knownUnpublishedYears = Collections.unmodifiableSortedSet(unpublished);
    }

    // ---------------------------------------------------------------- loading

    /** The calendar shipped in the application ({@value #SHIPPED_RESOURCE}). */
    public static WorkdayCalendar shipped() {
        return of(readShipped().years());
    }

    /** The shipped calendar with an administrator's override file on top (same format), if the file exists. */
    public static WorkdayCalendar shippedWithOverride(Path overrideFile) {
        if (overrideFile == null || !Files.exists(overrideFile)) {
            return shipped();
        }
        try (InputStream in = Files.newInputStream(overrideFile)) {
            return merge(readShipped(), read(in));
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取节假日覆盖文件 " + overrideFile, e);
        }
    }

    /**
     * Merges an override onto a base: a year present in the override replaces that year of the base
     * entirely (the administrator publishes 2027 when the notice comes out, or corrects a year).
     */
    public static WorkdayCalendar merge(CalendarFile base, CalendarFile override) {
        Map<Integer, CalendarYear> byYear = new TreeMap<>();
        for (CalendarYear y : base.yearsOrEmpty()) byYear.put(y.year(), y);
        for (CalendarYear y : override.yearsOrEmpty()) byYear.put(y.year(), y);
        return of(new ArrayList<>(byYear.values()));
    }

    public static WorkdayCalendar of(List<CalendarYear> years) {
        for (CalendarYear y : years) y.validate();
        return new WorkdayCalendar(years);
    }

    /** Parses a calendar file (format of {@code holidays-cn.json}). */
    public static CalendarFile read(InputStream in) throws IOException {
        CalendarFile file = JSON.readValue(in, CalendarFile.class);
        for (CalendarYear y : file.yearsOrEmpty()) y.validate();
        return file;
    }

    private static CalendarFile readShipped() {
        try (InputStream in = WorkdayCalendar.class.getResourceAsStream(SHIPPED_RESOURCE)) {
            if (in == null) throw new IllegalStateException("缺少内置节假日文件 " + SHIPPED_RESOURCE);
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- queries

    public boolean isWorkday(LocalDate date) {
        Boolean off = offDays.get(date);
        if (off != null) return !off;
        DayOfWeek dow = date.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
    }

    /** The holiday name (春节 …) of a listed date, for display. */
    public Optional<String> holidayName(LocalDate date) {
        return Optional.ofNullable(names.get(date));
    }

    /** True when the State Council notice of that year is loaded. */
    public boolean covers(int year) {
        return coveredYears.contains(year);
    }

    public boolean covers(LocalDate date) {
        return covers(date.getYear());
    }

    public SortedSet<Integer> coveredYears() {
        return coveredYears;
    }

    /** True in December when next year's notice is not loaded yet. */
    public boolean missingNextYearWarning(LocalDate today) {
        return today.getMonthValue() == 12 && !covers(today.getYear() + 1);
    }

    /** The warning text for the administrator, when {@link #missingNextYearWarning} holds. */
    public Optional<String> coverageWarning(LocalDate today) {
        if (missingNextYearWarning(today)) {
            int next = today.getYear() + 1;
            return Optional.of(next + " 年节假日安排尚未录入：按工作日计算的期限将只按周一至周五计算，"
                    + "请在国务院办公厅发布通知后更新节假日文件。");
        }
        if (!covers(today.getYear())) {
            return Optional.of(today.getYear() + " 年节假日安排缺失：按工作日计算的期限可能不准确，请立即更新节假日文件。");
        }
        return Optional.empty();
    }

    /** Working days from {@code from} to {@code to}, both inclusive, in order; empty when to &lt; from. */
    public List<LocalDate> workdaysBetween(LocalDate from, LocalDate to) {
        List<LocalDate> out = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkday(d)) out.add(d);
        }
        return out;
    }

    /** Number of working days from {@code from} to {@code to}, both inclusive. */
    public int countWorkdays(LocalDate from, LocalDate to) {
        int n = 0;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkday(d)) n++;
        }
        return n;
    }

    /** The N-th working day strictly after {@code date} (N ≥ 1), or the first on/after it for N = 0. */
    public LocalDate nthWorkdayAfter(LocalDate date, int n) {
        checkRange(n);
        LocalDate d = date;
        if (n == 0) {
            while (!isWorkday(d)) d = d.plusDays(1);
            return d;
        }
        int left = n;
        while (left > 0) {
            d = d.plusDays(1);
            if (isWorkday(d)) left--;
        }
        return d;
    }

    /**
     * The deadline "N working days after {@code start}": the end (next day 00:00, Asia/Shanghai) of the
     * N-th working day after the start's local date. See the class comment for the precise rule.
     */
    public Instant addWorkdays(Instant start, int n) {
        ZonedDateTime z = start.atZone(ZONE);
        // 00:00 sharp is read as 24:00 of the previous day: the deadline instants this class returns
        // can be chained (N then M working days = N + M working days)
        LocalDate startDate = z.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
                ? z.toLocalDate().minusDays(1) : z.toLocalDate();
        return endOfDay(nthWorkdayAfter(startDate, n));
    }

    /**
     * The start (00:00 Asia/Shanghai) of the N-th working day counted back from the day that ends at or
     * contains {@code deadline} (N ≥ 1; that day itself counts as the first when it is a working day).
     * Used for reminders "1 working day before the deadline": the morning of the last working day.
     */
    public Instant startOfNthWorkdayBefore(Instant deadline, int n) {
        if (n < 1) throw new IllegalArgumentException("工作日数必须大于 0: " + n);
        checkRange(n);
        ZonedDateTime z = deadline.atZone(ZONE);
        LocalDate last = z.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
                ? z.toLocalDate().minusDays(1) : z.toLocalDate();
        LocalDate d = last;
        int left = n;
        while (true) {
            if (isWorkday(d) && --left == 0) break;
            d = d.minusDays(1);
        }
        return d.atStartOfDay(ZONE).toInstant();
    }

    /** 24:00 of the date in Asia/Shanghai, i.e. 00:00 of the next day. */
    public static Instant endOfDay(LocalDate date) {
        return date.plusDays(1).atStartOfDay(ZONE).toInstant();
    }

    private static void checkRange(int n) {
        if (n < 0 || n > MAX_WORKDAYS) {
            throw new IllegalArgumentException("工作日数超出范围: " + n);
        }
    }
}
