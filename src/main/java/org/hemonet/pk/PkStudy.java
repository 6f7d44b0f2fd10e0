package org.hemonet.pk;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A PK study to estimate: the model, the patient's covariates and endogenous baseline, the doses of the window (every
 * dose whose residue the samples still measure) and the measured levels.
 *
 * @param lloqIuPerDl the assay's lower limit of quantification; samples below it are excluded and reported, {@code
 *     null} to use all samples
 * @param reportDoseIuPerKg the single dose for which the times to 5/2/1 IU/dL are reported
 */
public record PkStudy(
        String model,
        Covariates covariates,
        double baselineIuPerDl,
        List<Dose> doses,
        List<LevelSample> samples,
        @Nullable Double lloqIuPerDl,
        double reportDoseIuPerKg) {

    public PkStudy {
        doses = List.copyOf(doses);
        samples = List.copyOf(samples);
    }
}
