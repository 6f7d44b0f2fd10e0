package org.hemonet.pathway.internal;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hemonet.pathway.JointClinic;
import org.hemonet.reminder.DueReminder;
import org.hemonet.reminder.ReminderKind;
import org.hemonet.reminder.ReminderSource;
import org.springframework.stereotype.Component;

/**
 * Clinic dates (issue 16 "Reminders": clinic dates; issue 17's joint transition clinics), through the reminder
 * module's SPI: the evening before each booked joint clinic that is not cancelled, at 18:00 the patient's time, linking
 * to the patient's home page. The clinic's day is the reminder's identity; a cancelled clinic is not reminded of.
 */
@Component
class JointClinicReminderSource implements ReminderSource {

    static final LocalTime AT = LocalTime.of(18, 0);

    private final JointClinicQueries queries;

    JointClinicReminderSource(JointClinicQueries queries) {
        this.queries = queries;
    }

    @Override
    public List<DueReminder> dueBetween(UUID patientId, ZoneId zone, Instant from, Instant to) {
        List<DueReminder> due = new ArrayList<>();
        for (JointClinic clinic : queries.ofPatient(patientId)) {
            if (clinic.cancelled()) {
                continue;
            }
            Instant at = clinic.clinicOn().minusDays(1).atTime(AT).atZone(zone).toInstant();
            if (!at.isBefore(from) && at.isBefore(to)) {
                due.add(new DueReminder(
                        ReminderKind.CLINIC_VISIT,
                        at,
                        "/?patient=" + patientId,
                        clinic.clinicOn().toString()));
            }
        }
        return due;
    }
}
