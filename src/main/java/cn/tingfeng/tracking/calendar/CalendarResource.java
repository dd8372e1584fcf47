package cn.tingfeng.tracking.calendar;

import cn.tingfeng.security.CurrentUser;
import cn.tingfeng.shared.ApiException;
import cn.tingfeng.shared.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.SortedSet;

/** The official working-day calendar: workdays between two dates, its coverage, and the administrator's edits. */
@Path("/api/calendar")
@Produces(MediaType.APPLICATION_JSON)
public class CalendarResource {
    public record Workdays(LocalDate from, LocalDate to, List<LocalDate> workdays) {
    }

    public record Coverage(SortedSet<Integer> years, String warning, String overrideFile) {
    }

    public record YearBody(Boolean published, List<String> papers, @NotNull List<CalendarDay> days) {
    }

    @Inject
    CalendarService calendar;
    @Inject
    CurrentUser user;
    @Inject
    Clock clock;

    @GET
    @Path("/workdays")
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST, Roles.DEPARTMENT, Roles.LEADER, Roles.SUPERVISOR})
    public Workdays workdays(@QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate f = date("from", from);
        LocalDate t = date("to", to);
        if (t.isBefore(f)) throw ApiException.badRequest("to", "不能早于 from");
        if (f.plusYears(5).isBefore(t)) throw ApiException.badRequest("to", "查询范围不能超过 5 年");
        return new Workdays(f, t, calendar.calendar().workdaysBetween(f, t));
    }

    /** Years covered and the warning (in December when next year's notice is missing). */
    @GET
    @Path("/coverage")
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST})
    public Coverage coverage() {
        LocalDate today = LocalDate.now(clock.withZone(WorkdayCalendar.ZONE));
        return new Coverage(calendar.calendar().coveredYears(), calendar.warning(today).orElse(null),
                calendar.overrideFile().toString());
    }

    /** Replaces one year (e.g. loads next year's State Council notice); the shipped data for that year is overridden. */
    @PUT
    @Path("/years/{year}")
    @RolesAllowed(Roles.ADMIN)
    public Coverage replaceYear(@PathParam("year") int year, @Valid @NotNull YearBody body) {
        calendar.replaceYear(new CalendarYear(year, body.published(), body.papers(), body.days()), user.username());
        return coverage();
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) throw ApiException.badRequest(field, "不能为空（YYYY-MM-DD）");
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(field, "日期格式应为 YYYY-MM-DD");
        }
    }
}
