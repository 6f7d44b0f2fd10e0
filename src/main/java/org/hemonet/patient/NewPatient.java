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
 * @param previouslyUntreated whether the patient had never received a factor concentrate when first seen (a PUP,
 *     clinical.md §9); {@code null} when not recorded
 * @param priorExposureDays exposure days (clinical.md §4) before joining; a PUP has 0; {@code null} when not known
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
        @Nullable String timeZone,
        @Nullable Boolean previouslyUntreated,
        @Nullable Integer priorExposureDays) {

    /** A patient whose treatment history before joining is not recorded. */
    public NewPatient(
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
        this(
                id,
                centreId,
                givenName,
                familyName,
                dateOfBirth,
                sex,
                nationalIdScheme,
                nationalId,
                regionId,
                diagnosis,
                diagnosisSubtype,
                bleedingPhenotype,
                baselineLevelIuPerDl,
                baselineMeasuredOn,
                weightKg,
                weighedOn,
                inhibitorTests,
                timeZone,
                null,
                null);
    }

    public record BethesdaAssay(LocalDate sampledOn, BigDecimal residualActivityPercent, BigDecimal dilution) {}
}
