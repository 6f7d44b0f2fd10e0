package org.hemonet.pk;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An individual PK estimate (pk-models.md, "What the clinician gets").
 *
 * @param model model id
 * @param typical the population typical values for the covariates
 * @param individual the MAP individual parameters (the typical values when there were no usable samples)
 * @param etaParameters the parameter each η acts on
 * @param eta the MAP η
 * @param halfLifeHours terminal half-life ln 2/λz
 * @param halfLifeCi90 5th and 95th percentiles of the half-life over draws of η
 * @param hoursTo hours after a single bolus of the report dose until the level falls to 5, 2 and 1 IU/dL (keys
 *     {@code "5"}, {@code "2"}, {@code "1"}); {@code null} values when never reached (threshold ≤ baseline)
 * @param reportDoseIu the single dose the {@code hoursTo} refer to
 * @param curveStart the instant hour 0 of the curve stands for (the first dose)
 * @param curve level–time curve with 90 % band over the study window and beyond
 * @param samplesUsed how many samples entered the estimate
 * @param warnings what the clinician should know about the estimate (excluded samples, fallbacks)
 */
public record PkEstimate(
        String model,
        PkParameters typical,
        PkParameters individual,
        List<String> etaParameters,
        List<Double> eta,
        double halfLifeHours,
        List<Double> halfLifeCi90,
        Map<String, @Nullable Double> hoursTo,
        double reportDoseIu,
        Instant curveStart,
        List<CurvePoint> curve,
        int samplesUsed,
        List<String> warnings) {}
