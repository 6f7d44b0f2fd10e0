package org.hemonet.reminder.internal;

import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.hemonet.reminder.DueReminder;
import org.hemonet.reminder.ReminderKind;
import org.hemonet.reminder.ReminderSource;
import org.hemonet.supply.TreatmentPlans;
import org.springframework.stereotype.Component;

/**
 * Prophylaxis doses of the patient's treatment plans (clinical.md §6), at the times the plan schedules them in the
 * patient's own zone, each linking to the diary's one-tap "done" for the scheduled dose.
 */
@Component
class DoseReminderSource implements ReminderSource {

    private final TreatmentPlans plans;

    DoseReminderSource(TreatmentPlans plans) {
        this.plans = plans;
    }

    @Override
    public List<DueReminder> dueBetween(UUID patientId, ZoneId zone, Instant from, Instant to) {
        return plans.scheduledDoses(patientId, from, to).stream()
                .map(dose -> new DueReminder(
                        ReminderKind.DOSE,
                        dose.at(),
                        "/diary?patient=" + patientId + "#one-tap-dose",
                        dose.dose().setScale(0, RoundingMode.HALF_UP).toPlainString() + " "
                                + (dose.unit().name().equals("MG") ? "mg" : "IU")))
                .toList();
    }
}
