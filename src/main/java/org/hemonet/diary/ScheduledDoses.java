package org.hemonet.diary;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The prophylaxis schedule of a patient, for adherence and breakthrough bleeds (clinical.md §3, §4).
 *
 * <p>The default implementation knows no schedule; it is replaced by the product/supply modules (issue #5), which own
 * treatment plans.
 */
public interface ScheduledDoses {

    /** The scheduled prophylaxis doses from {@code from} (inclusive) to {@code to} (exclusive), in time order. */
    List<Instant> dosesBetween(UUID patientId, Instant from, Instant to);

    /**
     * The scheduled prophylaxis doses of several patients from {@code from} (inclusive) to {@code to} (exclusive), for
     * read models over a centre. Implementations should read all plans at once; this default asks per patient.
     */
    default java.util.Map<UUID, List<Instant>> dosesBetween(
            java.util.Collection<UUID> patientIds, Instant from, Instant to) {
        java.util.Map<UUID, List<Instant>> doses = new java.util.HashMap<>();
        for (UUID id : patientIds) {
            doses.put(id, dosesBetween(id, from, to));
        }
        return doses;
    }

    /**
     * What each patient's schedule is made of, as a value whose equality says "the same schedule" (for read models that
     * keep per-patient results, issue 14): two calls return equal values for a patient exactly when nothing that
     * decides the patient's doses changed in between. Patients without a schedule may be absent. The default knows no
     * schedule, so every patient's is the same (empty).
     */
    default java.util.Map<UUID, ?> scheduleStamps(java.util.Collection<UUID> patientIds) {
        return java.util.Map.of();
    }

    /** The periods in which a prophylaxis regimen was active, in time order; {@code to} null while still active. */
    List<RegimenPeriod> prophylaxisPeriods(UUID patientId);

    /**
     * The prophylaxis dose to log with one tap on {@code date} (the patient's own date): the active plan's product and dose and the batch
     * of that product last delivered to the patient; {@code loggedToday} is left false (the diary knows). Empty when
     * the patient has no active prophylaxis plan.
     */
    default Optional<ScheduledDose> doseToLog(UUID patientId, LocalDate date) {
        return Optional.empty();
    }
}
