package org.hemonet.pathway.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hemonet.pathway.PathwaySettings;
import org.hemonet.reminder.DueReminder;
import org.hemonet.reminder.ReminderKind;
import org.hemonet.reminder.ReminderSource;
import org.springframework.stereotype.Component;

/**
 * The yearly review coming up (issue 16 "Reminders": annual-review dates; issue 17), through the reminder module's SPI:
 * two weeks before the next review is due — the setting's interval after the last completed one — a reminder at 10:00
 * the patient's time, so that the patient or parent can think about what to raise and answer the questionnaires. A
 * patient with no completed review has no date to be reminded of (the centre's due list shows them).
 */
@Component
class AnnualReviewReminderSource implements ReminderSource {

    static final LocalTime AT = LocalTime.of(10, 0);
    static final int DAYS_BEFORE = 14;

    private final AnnualReviewQueries queries;
    private final PathwaySettings settings;

    AnnualReviewReminderSource(AnnualReviewQueries queries, PathwaySettings settings) {
        this.queries = queries;
        this.settings = settings;
    }

    @Override
    public List<DueReminder> dueBetween(UUID patientId, ZoneId zone, Instant from, Instant to) {
        LocalDate last = queries.lastCompleted(Set.of(patientId)).get(patientId);
        if (last == null) {
            return List.of();
        }
        LocalDate due = last.plus(settings.annualReviewInterval());
        Instant at = due.minusDays(DAYS_BEFORE).atTime(AT).atZone(zone).toInstant();
        if (at.isBefore(from) || !at.isBefore(to)) {
            return List.of();
        }
        return List.of(new DueReminder(ReminderKind.ANNUAL_REVIEW, at, "/?patient=" + patientId, due.toString()));
    }
}
