package org.hemonet.pk;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Which dose keeps the steady-state trough at {@code targetTroughIuPerDl} under each schedule?
 *
 * @param eta the patient's individual η from a PK study, {@code null} for the population typical values
 * @param vialSizesIu the vial sizes the patient has, to round each dose up to
 * @param pricePerIu price of one IU, {@code null} when the cost is not wanted
 */
public record RegimenQuestion(
        String model,
        Covariates covariates,
        @Nullable List<Double> eta,
        double baselineIuPerDl,
        double targetTroughIuPerDl,
        List<Schedule> schedules,
        List<Integer> vialSizesIu,
        @Nullable Double pricePerIu) {

    public RegimenQuestion {
        eta = eta == null ? null : List.copyOf(eta);
        schedules = List.copyOf(schedules);
        vialSizesIu = List.copyOf(vialSizesIu);
    }
}
