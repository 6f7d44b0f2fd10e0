package org.hemonet.survey;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Whether a schedule makes its instrument due today, and by when (docs/surveys.md "Schedules"). Pure; dates are the
 * patient's local dates.
 */
public final class SurveyDue {

    /** How early a yearly or pre-review survey may be answered and still count, and how early a pre-review one opens. */
    public static final int LEAD_DAYS = 30;

    private SurveyDue() {}

    /**
     * The date the survey is due by if it is due today, else empty.
     *
     * @param dueOn the schedule's date: its first due date, or for BEFORE_ANNUAL_REVIEW the (first) review date
     * @param scheduledAt when the schedule was made: a ONCE survey is answered by a response submitted at or after it
     * @param lastAnsweredAt when the patient last submitted this instrument, or null
     * @param zone the patient's time zone, for the dates of the instants
     */
    public static Optional<LocalDate> dueBy(
            Recurrence recurrence,
            LocalDate dueOn,
            Instant scheduledAt,
            LocalDate today,
            @Nullable Instant lastAnsweredAt,
            ZoneId zone) {
        LocalDate lastAnsweredOn = lastAnsweredAt == null ? null : LocalDate.ofInstant(lastAnsweredAt, zone);
        switch (recurrence) {
            case ONCE -> {
                if (today.isBefore(dueOn) || (lastAnsweredAt != null && !lastAnsweredAt.isBefore(scheduledAt))) {
                    return Optional.empty();
                }
                return Optional.of(dueOn);
            }
            case YEARLY -> {
                if (today.isBefore(dueOn)) {
                    return Optional.empty();
                }
                LocalDate current = dueOn;
                while (!current.plusYears(1).isAfter(today)) {
                    current = current.plusYears(1);
                }
                if (answeredOnOrAfter(lastAnsweredOn, current.minusDays(LEAD_DAYS))) {
                    return Optional.empty();
                }
                return Optional.of(current);
            }
            case BEFORE_ANNUAL_REVIEW -> {
                LocalDate review = dueOn;
                while (review.isBefore(today)) {
                    review = review.plusYears(1);
                }
                LocalDate opens = review.minusDays(LEAD_DAYS);
                if (today.isBefore(opens) || answeredOnOrAfter(lastAnsweredOn, opens)) {
                    return Optional.empty();
                }
                return Optional.of(review);
            }
            default -> throw new IllegalStateException("unknown recurrence " + recurrence);
        }
    }

    private static boolean answeredOnOrAfter(@Nullable LocalDate answeredOn, LocalDate from) {
        return answeredOn != null && !answeredOn.isBefore(from);
    }
}
