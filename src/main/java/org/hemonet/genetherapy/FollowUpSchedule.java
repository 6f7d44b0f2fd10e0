package org.hemonet.genetherapy;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.hemonet.lab.Analyte;

/**
 * The follow-up visits after a gene therapy infusion and their state (issue 21). Visits fall on whole weeks after the
 * infusion: every week to {@code weeklyUntilWeek}, every 2 weeks to {@code fortnightlyUntilWeek}, every 4 weeks to
 * {@code monthlyUntilWeek} (which is always a visit, the end of year one by default), then every {@code
 * longTermIntervalWeeks} for life. Each visit asks for the expressed factor's activity and ALT.
 *
 * <p>A visit's window runs from halfway back to the previous visit to halfway on to the next; it is {@code DONE} when
 * every analyte has a result sampled in the window. Not done, it is {@code UPCOMING} before its window, {@code DUE} in
 * its window up to {@value #GRACE_DAYS} days after the due date, {@code OVERDUE} after that while the window is open,
 * and {@code MISSED} once the window has closed.
 */
public final class FollowUpSchedule {

    /** Days after the due date before a visit without results is overdue. */
    public static final int GRACE_DAYS = 3;

    private FollowUpSchedule() {}

    public enum Status {
        DONE,
        MISSED,
        OVERDUE,
        DUE,
        UPCOMING
    }

    /** A visit: due on {@code due} (week {@code week} after the infusion), results counted from {@code from} to {@code until}. */
    public record Visit(
            int week, LocalDate due, List<Analyte> analytes, LocalDate from, LocalDate until, Status status) {}

    /** The weeks of the visits after the infusion, up to {@code lastWeek}. */
    static List<Integer> weeks(GeneTherapySettings t, int lastWeek) {
        List<Integer> weeks = new ArrayList<>();
        int week = 0;
        while (week < t.monthlyUntilWeek()) {
            int step = week < t.weeklyUntilWeek() ? 1 : week < t.fortnightlyUntilWeek() ? 2 : 4;
            week = Math.min(week + step, t.monthlyUntilWeek());
            weeks.add(week);
        }
        while (week + t.longTermIntervalWeeks() <= lastWeek) {
            week += t.longTermIntervalWeeks();
            weeks.add(week);
        }
        return weeks.stream()
                .filter(w -> w <= Math.max(lastWeek, t.monthlyUntilWeek()))
                .toList();
    }

    /**
     * The visits from the infusion to {@code horizon} (at least through the end of the 4-weekly phase), with their state
     * on {@code today} given the sampling days of each analyte's results.
     */
    public static List<Visit> visits(
            LocalDate infusedOn,
            GeneTherapySettings template,
            List<Analyte> analytes,
            java.util.Map<Analyte, List<LocalDate>> sampled,
            LocalDate today,
            LocalDate horizon) {
        int lastWeek = (int) (ChronoUnit.DAYS.between(infusedOn, horizon) / 7);
        List<Integer> weeks = weeks(template, lastWeek);
        List<Visit> visits = new ArrayList<>();
        for (int i = 0; i < weeks.size(); i++) {
            int week = weeks.get(i);
            LocalDate due = infusedOn.plusWeeks(week);
            int previousWeek = i == 0 ? 0 : weeks.get(i - 1);
            int nextWeek = i + 1 < weeks.size() ? weeks.get(i + 1) : week + template.longTermIntervalWeeks();
            // halfway back (rounded towards this visit) and halfway on
            LocalDate from = due.minusDays((long) (week - previousWeek) * 7 / 2);
            LocalDate until = due.plusDays(((long) (nextWeek - week) * 7 - 1) / 2);
            boolean done = analytes.stream().allMatch(a -> sampled.getOrDefault(a, List.of()).stream()
                    .anyMatch(d -> !d.isBefore(from) && !d.isAfter(until)));
            Status status;
            if (done) {
                status = Status.DONE;
            } else if (today.isAfter(until)) {
                status = Status.MISSED;
            } else if (today.isAfter(due.plusDays(GRACE_DAYS))) {
                status = Status.OVERDUE;
            } else if (!today.isBefore(from)) {
                status = Status.DUE;
            } else {
                status = Status.UPCOMING;
            }
            visits.add(new Visit(week, due, analytes, from, until, status));
        }
        return visits;
    }

    /** The first visit still to be done (due, overdue or upcoming), if any. */
    public static java.util.Optional<Visit> next(List<Visit> visits) {
        return visits.stream()
                .filter(v -> v.status() == Status.DUE || v.status() == Status.OVERDUE || v.status() == Status.UPCOMING)
                .findFirst();
    }
}
