package org.hemonet.pk;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A PK study to estimate and save (issue 7): typed doses and levels and/or logged diary infusions and stored lab results
 * picked by id. Missing optional values take the defaults of the study page. {@link PkRecords#save} checks it and
 * names the field at fault ({@code weightKg}, {@code doses[0].iu}, {@code infusionIds[1]}, ...).
 *
 * @param product the Allard model's product covariate, {@code STANDARD} or {@code ELOCTA}
 * @param leanBodyWeightKg lean body weight, a covariate of {@code fviii-solms-2020} (ignored by the other models)
 * @param vwfIuPerDl von Willebrand factor antigen, a covariate of {@code fviii-solms-2020} (ignored by the others)
 */
public record StudyRequest(
        @Nullable String model,
        @Nullable Double weightKg,
        @Nullable Double ageYears,
        @Nullable String product,
        @Nullable Double leanBodyWeightKg,
        @Nullable Double vwfIuPerDl,
        @Nullable Double baselineIuPerDl,
        @Nullable List<DoseEntry> doses,
        @Nullable List<UUID> infusionIds,
        @Nullable List<SampleEntry> samples,
        @Nullable List<UUID> factorLevelIds,
        @Nullable Double reportDoseIuPerKg,
        @Nullable Double targetTroughIuPerDl) {

    /** A dose typed in: start, IU and infusion minutes (0 or absent for a bolus). */
    public record DoseEntry(@Nullable Instant at, @Nullable Double iu, @Nullable Double infusionMinutes) {}

    /** A level typed in. */
    public record SampleEntry(@Nullable Instant at, @Nullable Double iuPerDl) {}
}
