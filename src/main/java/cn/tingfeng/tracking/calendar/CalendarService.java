package cn.tingfeng.tracking.calendar;

import cn.tingfeng.audit.AuditLog;
import cn.tingfeng.shared.ApiException;
import cn.tingfeng.shared.TingfengConfig;
import cn.tingfeng.tracking.TrackingConfig;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The working-day calendar in force: the shipped data with the administrator's override file on top
 * ({@code <data-dir>/calendar/holidays-override.json}). Replacing a year writes the override file and is audited.
 */
@ApplicationScoped
public class CalendarService {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    @Inject
    TrackingConfig config;
    @Inject
    TingfengConfig core;
    @Inject
    AuditLog audit;

    private volatile WorkdayCalendar current;

    public WorkdayCalendar calendar() {
        WorkdayCalendar c = current;
        if (c == null) {
            synchronized (this) {
                if (current == null) current = WorkdayCalendar.shippedWithOverride(overrideFile());
                c = current;
            }
        }
        return c;
    }

    /** Re-reads the shipped data and the override file (after an edit of the file by hand). */
    public synchronized void reload() {
        current = WorkdayCalendar.shippedWithOverride(overrideFile());
    }

    public Path overrideFile() {
        return config.calendarOverrideFile().orElse(core.dataDir().resolve("calendar/holidays-override.json"));
    }

    public Optional<String> warning(LocalDate today) {
        return calendar().coverageWarning(today);
    }

    /** Replaces (or adds) one year in the override file; validated before anything is written. */
    @Transactional
    public synchronized WorkdayCalendar replaceYear(CalendarYear year, String actor) {
        List<CalendarYear> years = new ArrayList<>(readOverride().yearsOrEmpty());
        years.removeIf(y -> y.year() == year.year());
        years.add(year);
        years.sort(Comparator.comparingInt(CalendarYear::year));
        CalendarFile file = new CalendarFile("管理员维护的节假日覆盖数据（同年份整体替换内置数据）", "admin", years);
        WorkdayCalendar merged;
        try (InputStream in = WorkdayCalendar.class.getResourceAsStream(WorkdayCalendar.SHIPPED_RESOURCE)) {
            merged = WorkdayCalendar.merge(WorkdayCalendar.read(in), file);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("days", e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Files.createDirectories(overrideFile().toAbsolutePath().getParent());
            JSON.writeValue(overrideFile().toFile(), asJson(file));
        } catch (IOException e) {
            throw new UncheckedIOException("无法写入节假日覆盖文件", e);
        }
        audit.append(actor, "calendar.year-replaced", "calendar", year.year(), Map.of(
                "year", year.year(), "published", year.isPublished(), "days", year.daysOrEmpty().size()));
        current = merged;
        return merged;
    }

    /** The file format written out explicitly (stable field names, same as the shipped file). */
    private static Map<String, Object> asJson(CalendarFile file) {
        List<Object> years = new ArrayList<>();
        for (CalendarYear y : file.yearsOrEmpty()) {
            List<Object> days = new ArrayList<>();
            for (CalendarDay d : y.daysOrEmpty()) {
                Map<String, Object> m = new java.util.LinkedHashMap<>();
                m.put("date", d.date().toString());
                m.put("name", d.name());
                m.put("isOffDay", d.isOffDay());
                days.add(m);
            }
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("year", y.year());
            m.put("published", y.isPublished());
            m.put("papers", y.papers() == null ? List.of() : y.papers());
            m.put("days", days);
            years.add(m);
        }
        Map<String, Object> root = new java.util.LinkedHashMap<>();
        root.put("description", file.description());
        root.put("source", file.source());
        root.put("years", years);
        return root;
    }

    private CalendarFile readOverride() {
        Path f = overrideFile();
        if (!Files.exists(f)) return new CalendarFile(null, null, List.of());
        try (InputStream in = Files.newInputStream(f)) {
            return WorkdayCalendar.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
