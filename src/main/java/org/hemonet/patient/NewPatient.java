package org.hemonet.patient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A patient to register with their diagnosis, baseline level, weight and any Bethesda results.
 *
 * @param inhibitorTests Bethesda assays as (sampled on, residual %, dilution)
 */
public record NewPatient(
        UUID id,
        UUID centreId,
        String givenName,
        String familyName,
        LocalDate dateOfBirth,
        Sex sex,
        @Nullable String nationalIdScheme,
        @Nullable String nationalId,
        @Nullable UUID regionId,
        DiagnosisType diagnosis,
        @Nullable String diagnosisSubtype,
        boolean bleedingPhenotype,
        @Nullable BigDecimal baselineLevelIuPerDl,
        @Nullable LocalDate baselineMeasuredOn,
        @Nullable BigDecimal weightKg,
        @Nullable LocalDate weighedOn,
        List<BethesdaAssay> inhibitorTests,
        @Nullable String timeZone) {

    public record BethesdaAssay(LocalDate sampledOn, BigDecimal residualActivityPercent, BigDecimal dilution) {}
}
