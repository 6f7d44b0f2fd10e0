package org.hemonet.safety;

import org.hipparchus.distribution.continuous.ChiSquaredDistribution;

/**
 * An event rate per 1000 treatment-years with the exact Poisson 95 % interval (clinical.md §9): lower =
 * χ²(0.025; 2k) / 2 / TY × 1000 (0 when k = 0), upper = χ²(0.975; 2k + 2) / 2 / TY × 1000. Unrounded; pages round.
 *
 * @param events k, the counted events
 * @param treatmentYears TY, at least 1
 */
public record PoissonRate(long events, long treatmentYears, double per1000TreatmentYears, double lower, double upper) {

    /** The rate of {@code events} in {@code treatmentYears} (> 0). */
    public static PoissonRate of(long events, long treatmentYears) {
        if (events < 0 || treatmentYears <= 0) {
            throw new IllegalArgumentException("events >= 0 and treatment-years > 0");
        }
        double scale = 1000.0 / treatmentYears;
        double lower = events == 0
                ? 0
                : new ChiSquaredDistribution(2.0 * events).inverseCumulativeProbability(0.025) / 2 * scale;
        double upper = new ChiSquaredDistribution(2.0 * events + 2).inverseCumulativeProbability(0.975) / 2 * scale;
        return new PoissonRate(events, treatmentYears, events * scale, lower, upper);
    }

    /** The interval as {@code [lower, upper]}, the API's {@code ci95}. */
    public double[] ci95() {
        return new double[] {lower, upper};
    }
}
