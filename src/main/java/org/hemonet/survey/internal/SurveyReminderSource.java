package org.hemonet.survey.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hemonet.reminder.DueReminder;
import org.hemonet.reminder.ReminderKind;
import org.hemonet.reminder.ReminderSource;
import org.hemonet.survey.DueSurvey;
import org.hemonet.survey.Recurrence;
import org.hemonet.survey.SurveyDue;
import org.hemonet.survey.SurveySchedules;
import org.springframework.stereotype.Component;

/**
 * Questionnaires due (issue 16 "Reminders": surveys due), through the reminder module's SPI: for each survey that is
 * due and not yet answered, a reminder at 18:00 the patient's time on the day it opened (a once or yearly survey on its
 * date; a survey before the annual review {@link SurveyDue#LEAD_DAYS} days before the review) and another three days
 * later. The opening day is the identity, so one survey is reminded of twice at most.
 */
@Component
class SurveyReminderSource implements ReminderSource {

    static final LocalTime AT = LocalTime.of(18, 0);
    static final int DAYS_LATER = 3;

    private final SurveySchedules schedules;

    SurveyReminderSource(SurveySchedules schedules) {
        this.schedules = schedules;
    }

    @Override
    public List<DueReminder> dueBetween(UUID patientId, ZoneId zone, Instant from, Instant to) {
        List<DueReminder> due = new ArrayList<>();
        for (DueSurvey survey : schedules.dueForReminder(patientId)) {
            LocalDate opened = survey.recurrence() == Recurrence.BEFORE_ANNUAL_REVIEW
                    ? survey.dueBy().minusDays(SurveyDue.LEAD_DAYS)
                    : survey.dueBy();
            for (LocalDate day : List.of(opened, opened.plusDays(DAYS_LATER))) {
                Instant at = day.atTime(AT).atZone(zone).toInstant();
                if (!at.isBefore(from) && at.isBefore(to)) {
                    due.add(new DueReminder(ReminderKind.SURVEY, at, "/surveys?patient=" + patientId, survey.title()));
                }
            }
        }
        return due;
    }
}
