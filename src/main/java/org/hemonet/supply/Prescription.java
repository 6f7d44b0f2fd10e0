package org.hemonet.supply;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a prescriber sets for a regimen; {@link TreatmentPlans#prescribe} checks it. Give either {@code dose} (IU or mg
 * per administration) or {@code dosePerKg}; both are rounded up to whole vials.
 *
 * @param weightKg the weight to dose for; when absent, the patient's latest recorded weight
 * @param scheduleInterval days for {@code EVERY_N_DAYS}, weeks for {@code EVERY_N_WEEKS}
 * @param loadingPhase emicizumab only: {@code null} or {@code true} adds the licensed loading phase unless the patient
 *     is already on emicizumab the day before; {@code false} never adds it (a patient established on emicizumab)
 */
public record Prescription(
        @Nullable Regimen regimen,
        @Nullable UUID productId,
        @Nullable UUID bleedProductId,
        @Nullable BigDecimal dose,
        @Nullable BigDecimal dosePerKg,
        @Nullable BigDecimal weightKg,
        Schedule.@Nullable Kind schedule,
        @Nullable Integer scheduleInterval,
        @Nullable Set<DayOfWeek> weekdays,
        @Nullable LocalTime doseTime,
        @Nullable String timeZone,
        @Nullable LocalDate validFrom,
        @Nullable LocalDate validTo,
        @Nullable String notes,
        @Nullable Boolean loadingPhase) {

    /** The same prescription without a choice about the emicizumab loading phase (it is added when due). */
    public Prescription(
            @Nullable Regimen regimen,
            @Nullable UUID productId,
            @Nullable UUID bleedProductId,
            @Nullable BigDecimal dose,
            @Nullable BigDecimal dosePerKg,
            @Nullable BigDecimal weightKg,
            Schedule.@Nullable Kind schedule,
            @Nullable Integer scheduleInterval,
            @Nullable Set<DayOfWeek> weekdays,
            @Nullable LocalTime doseTime,
            @Nullable String timeZone,
            @Nullable LocalDate validFrom,
            @Nullable LocalDate validTo,
            @Nullable String notes) {
        this(
                regimen,
                productId,
                bleedProductId,
                dose,
                dosePerKg,
                weightKg,
                schedule,
                scheduleInterval,
                weekdays,
                doseTime,
                timeZone,
                validFrom,
                validTo,
                notes,
                null);
    }
}
