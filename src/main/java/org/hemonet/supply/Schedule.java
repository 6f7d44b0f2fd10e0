package org.hemonet.supply;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * When prophylactic doses are due: every {@code interval} days, on given weekdays (Mon/Wed/Fri), or every
 * {@code interval} weeks (weekly: 1; emicizumab every 2 or 4 weeks). Interval schedules count from the plan's first
 * day. Doses fall at {@link #doseTime()} local time in {@link #zone()}; they are compared and stored as UTC instants,
 * so 08:00 in London is 08:00Z in winter and 07:00Z in summer.
 */
public record Schedule(Kind kind, int interval, Set<DayOfWeek> weekdays, LocalTime doseTime, ZoneId zone) {

    public enum Kind {
        EVERY_N_DAYS,
        WEEKDAYS,
        EVERY_N_WEEKS
    }

    public Schedule {
        weekdays = weekdays.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(EnumSet.copyOf(weekdays));
        if (kind == Kind.WEEKDAYS && weekdays.isEmpty()) {
            throw new IllegalArgumentException("A weekday schedule needs at least one day");
        }
        if (kind != Kind.WEEKDAYS && (interval < 1 || interval > 28)) {
            throw new IllegalArgumentException("An interval is 1 to 28");
        }
    }

    public static Schedule everyNDays(int days, LocalTime at, ZoneId zone) {
        return new Schedule(Kind.EVERY_N_DAYS, days, Set.of(), at, zone);
    }

    public static Schedule onWeekdays(Set<DayOfWeek> days, LocalTime at, ZoneId zone) {
        return new Schedule(Kind.WEEKDAYS, 1, days, at, zone);
    }

    public static Schedule everyNWeeks(int weeks, LocalTime at, ZoneId zone) {
        return new Schedule(Kind.EVERY_N_WEEKS, weeks, Set.of(), at, zone);
    }

    /** Average doses a week, for forecasts. */
    public double dosesPerWeek() {
        return switch (kind) {
            case EVERY_N_DAYS -> 7.0 / interval;
            case WEEKDAYS -> weekdays.size();
            case EVERY_N_WEEKS -> 1.0 / interval;
        };
    }

    /** Is a dose due on {@code date} for a plan that started on {@code firstDay}? */
    public boolean isDueOn(LocalDate date, LocalDate firstDay) {
        if (date.isBefore(firstDay)) {
            return false;
        }
        long days = ChronoUnit.DAYS.between(firstDay, date);
        return switch (kind) {
            case EVERY_N_DAYS -> days % interval == 0;
            case WEEKDAYS -> weekdays.contains(date.getDayOfWeek());
            case EVERY_N_WEEKS -> days % (7L * interval) == 0;
        };
    }

    /**
     * The dose instants from {@code from} (inclusive) to {@code to} (exclusive) of a plan valid from {@code firstDay} to {@code lastDay} (inclusive,
     * {@code null}: open). A dose time that does not exist on a spring-forward day moves forward by the gap.
     */
    public List<Instant> occurrences(LocalDate firstDay, @Nullable LocalDate lastDay, Instant from, Instant to) {
        List<Instant> result = new ArrayList<>();
        LocalDate day = later(firstDay, from.atZone(zone).toLocalDate().minusDays(1));
        LocalDate end = to.atZone(zone).toLocalDate().plusDays(1);
        if (lastDay != null && lastDay.isBefore(end)) {
            end = lastDay;
        }
        for (; !day.isAfter(end); day = day.plusDays(1)) {
            if (isDueOn(day, firstDay)) {
                Instant at = day.atTime(doseTime).atZone(zone).toInstant();
                if (!at.isBefore(from) && at.isBefore(to)) {
                    result.add(at);
                }
            }
        }
        return result;
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
