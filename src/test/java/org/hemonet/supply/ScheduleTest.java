package org.hemonet.supply;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Expanding a schedule into dose instants (UTC), including across the Europe/London clock changes of 2026. */
class ScheduleTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Test
    void monWedFriAcrossTheAutumnClockChangeKeepsLocalTime() {
        // British Summer Time ends at 02:00 BST on Sunday 25 October 2026: 08:00 local is 07:00Z before, 08:00Z after
        Schedule schedule = Schedule.onWeekdays(
                Set.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY), LocalTime.of(8, 0), LONDON);
        List<Instant> doses = schedule.occurrences(
                LocalDate.of(2026, 10, 1),
                null,
                Instant.parse("2026-10-19T00:00:00Z"),
                Instant.parse("2026-10-31T00:00:00Z"));
        assertThat(doses)
                .containsExactly(
                        Instant.parse("2026-10-19T07:00:00Z"),
                        Instant.parse("2026-10-21T07:00:00Z"),
                        Instant.parse("2026-10-23T07:00:00Z"),
                        Instant.parse("2026-10-26T08:00:00Z"),
                        Instant.parse("2026-10-28T08:00:00Z"),
                        Instant.parse("2026-10-30T08:00:00Z"));
    }

    @Test
    void everySecondDayAcrossTheSpringClockChange() {
        // BST starts at 01:00 GMT on Sunday 29 March 2026: 07:30 local is 07:30Z before, 06:30Z after
        Schedule schedule = Schedule.everyNDays(2, LocalTime.of(7, 30), LONDON);
        List<Instant> doses = schedule.occurrences(
                LocalDate.of(2026, 3, 26),
                null,
                Instant.parse("2026-03-26T00:00:00Z"),
                Instant.parse("2026-04-02T00:00:00Z"));
        assertThat(doses)
                .containsExactly(
                        Instant.parse("2026-03-26T07:30:00Z"),
                        Instant.parse("2026-03-28T07:30:00Z"),
                        Instant.parse("2026-03-30T06:30:00Z"),
                        Instant.parse("2026-04-01T06:30:00Z"));
    }

    @Test
    void aDoseTimeInTheSpringGapMovesForwardByTheGap() {
        // 01:30 on 29 March 2026 does not exist in London; it is given at 02:30 BST = 01:30Z
        Schedule schedule = Schedule.everyNDays(1, LocalTime.of(1, 30), LONDON);
        assertThat(schedule.occurrences(
                        LocalDate.of(2026, 3, 28),
                        null,
                        Instant.parse("2026-03-29T00:00:00Z"),
                        Instant.parse("2026-03-30T00:00:00Z")))
                .containsExactly(Instant.parse("2026-03-29T01:30:00Z"));
    }

    @Test
    void emicizumabEvery4WeeksCountsFromTheFirstDayAndStopsAtTheLastDay() {
        Schedule schedule = Schedule.everyNWeeks(4, LocalTime.of(9, 0), LONDON);
        Instant from = Instant.parse("2026-01-01T00:00:00Z");
        Instant to = Instant.parse("2026-12-31T00:00:00Z");
        // the last day is inclusive; 30 March is in summer time, so 09:00 local is 08:00Z
        assertThat(schedule.occurrences(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 3, 30), from, to))
                .containsExactly(
                        Instant.parse("2026-01-05T09:00:00Z"),
                        Instant.parse("2026-02-02T09:00:00Z"),
                        Instant.parse("2026-03-02T09:00:00Z"),
                        Instant.parse("2026-03-30T08:00:00Z"));
        assertThat(schedule.occurrences(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 3, 29), from, to))
                .hasSize(3);
    }

    @Test
    void weeklyAndWeekdayRatesForForecasts() {
        assertThat(Schedule.onWeekdays(Set.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY), LocalTime.NOON, LONDON)
                        .dosesPerWeek())
                .isEqualTo(2.0);
        assertThat(Schedule.everyNDays(2, LocalTime.NOON, LONDON).dosesPerWeek())
                .isEqualTo(3.5);
        assertThat(Schedule.everyNWeeks(4, LocalTime.NOON, LONDON).dosesPerWeek())
                .isEqualTo(0.25);
    }
}
