package org.hemonet.pk.internal;

import org.hipparchus.analysis.solvers.AllowedSolution;
import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;
import org.jspecify.annotations.Nullable;

/**
 * Time for the level after a single dose to fall to a threshold: the root of {@code C(t) + baseline = L} after the
 * peak, found with a bracketing solver (pk-models.md, "Structure"). After the peak (end of infusion) the level of a
 * mammillary model only falls, so the root is unique.
 */
public final class Thresholds {

    private static final double MAX_HOURS = 100_000;

    private Thresholds() {}

    /**
     * Hours from the start of the dose until the level falls to {@code threshold}; {@code null} when it never does
     * ({@code threshold ≤ baseline}); the peak time when the peak itself does not exceed the threshold.
     */
    public static @Nullable Double hoursTo(
            Disposition disposition, double doseIu, double infusionHours, double baseline, double threshold) {
        if (threshold <= baseline) {
            return null;
        }
        double peakTime = Math.max(0, infusionHours);
        double excess = threshold - baseline;
        if (disposition.level(doseIu, infusionHours, peakTime) <= excess) {
            return peakTime;
        }
        double high = peakTime + 1;
        while (disposition.level(doseIu, infusionHours, high) > excess) {
            high *= 2;
            if (high > MAX_HOURS) {
                return null;
            }
        }
        BracketingNthOrderBrentSolver solver = new BracketingNthOrderBrentSolver(1e-12, 1e-10, 1e-14, 5);
        return solver.solve(
                1000,
                t -> disposition.level(doseIu, infusionHours, t) - excess,
                peakTime,
                high,
                AllowedSolution.ANY_SIDE);
    }
}
