package org.hemonet.supply;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hemonet.product.DoseUnit;
import org.jspecify.annotations.Nullable;

/**
 * A prescribed regimen of one patient.
 *
 * @param dose the amount per administration in {@link #unit()}, rounded up to whole vials
 * @param dosePerKg what was prescribed per kg (IU/kg or mg/kg) when the dose is weight-based
 * @param weightKg the weight the dose was computed for
 * @param schedule when prophylactic doses are due; {@code null} for on-demand plans
 * @param bleedProductId the product for breakthrough bleeds when it differs from {@link #productId()} (emicizumab)
 * @param loading the emicizumab loading phase before the maintenance {@link #schedule()}, or {@code null}
 * @param supersedes the plan this one changed, when it is a new version of an earlier plan
 */
public record TreatmentPlan(
        UUID id,
        UUID patientId,
        UUID centreId,
        Regimen regimen,
        UUID productId,
        @Nullable UUID bleedProductId,
        DoseUnit unit,
        BigDecimal dose,
        @Nullable BigDecimal dosePerKg,
        @Nullable BigDecimal weightKg,
        @Nullable Schedule schedule,
        LocalDate validFrom,
        @Nullable LocalDate validTo,
        UUID prescriberId,
        String prescriberName,
        @Nullable String notes,
        int version,
        Instant createdAt,
        @Nullable Instant voidedAt,
        @Nullable Loading loading,
        @Nullable UUID supersedes) {

    /**
     * The licensed emicizumab loading phase (clinical.md §6; Hemlibra SmPC section 4.2, EMA 2023): {@code doses} weekly
     * doses of {@code perKg} mg/kg from the plan's first day, each {@code dose} mg rounded up to whole vials; the
     * maintenance schedule starts {@code doses} weeks after the first day.
     */
    public record Loading(int doses, BigDecimal perKg, BigDecimal dose) {}

    /** The first day of the maintenance schedule: after the loading phase, if there is one. */
    public LocalDate maintenanceFrom() {
        return loading == null ? validFrom : validFrom.plusWeeks(loading.doses());
    }

    public boolean isValidOn(LocalDate date) {
        return voidedAt == null && !date.isBefore(validFrom) && (validTo == null || !date.isAfter(validTo));
    }

    /** A non-factor therapy (emicizumab, dosed in mg) rather than a factor concentrate (IU). */
    public boolean isNonFactor() {
        return unit == DoseUnit.MG;
    }

    /** Average amount a day at this plan (0 on demand), for stock forecasts. */
    public double dailyUse() {
        return schedule == null ? 0 : dose.doubleValue() * schedule.dosesPerWeek() / 7.0;
    }
}
