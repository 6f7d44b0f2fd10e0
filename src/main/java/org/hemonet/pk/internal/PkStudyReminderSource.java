package org.hemonet.pk.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.hemonet.pk.PkRecords;
import org.hemonet.pk.SavedStudy;
import org.hemonet.reminder.DueReminder;
import org.hemonet.reminder.ReminderKind;
import org.hemonet.reminder.ReminderSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A PK study due (issue 16 "Reminders": a PK study due), through the reminder module's SPI. A patient's individual PK
 * is repeated after {@code hemonet.pk.repeat-study-after} (default two years, a setting: a child grows, a regimen ages)
 * counted from the study their current regimen was signed off from; two weeks before that day, at 10:00 the patient's
 * time, they are reminded that their centre may repeat it. A patient without a signed-off study has no date to be
 * reminded of (the clinician decides when the first one is done).
 */
@Component
class PkStudyReminderSource implements ReminderSource {

    static final LocalTime AT = LocalTime.of(10, 0);
    static final int DAYS_BEFORE = 14;

    private final PkRecords records;
    private final Period repeatAfter;

    PkStudyReminderSource(PkRecords records, @Value("${hemonet.pk.repeat-study-after:P2Y}") Period repeatAfter) {
        this.records = records;
        this.repeatAfter = repeatAfter;
    }

    @Override
    public List<DueReminder> dueBetween(UUID patientId, ZoneId zone, Instant from, Instant to) {
        SavedStudy study = records.latestSignedOff(patientId).orElse(null);
        if (study == null) {
            return List.of();
        }
        Instant signed = study.signedOffAt() != null ? study.signedOffAt() : study.enteredAt();
        LocalDate due = LocalDate.ofInstant(signed, zone).plus(repeatAfter);
        Instant at = due.minusDays(DAYS_BEFORE).atTime(AT).atZone(zone).toInstant();
        if (at.isBefore(from) || !at.isBefore(to)) {
            return List.of();
        }
        return List.of(new DueReminder(ReminderKind.PK_STUDY, at, "/my-level?patient=" + patientId, due.toString()));
    }
}
