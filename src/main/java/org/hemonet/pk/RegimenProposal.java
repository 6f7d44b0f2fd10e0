package org.hemonet.pk;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The dose for a target trough under one schedule (pk-models.md, "What the clinician gets"), to be signed off by a
 * clinician before it reaches a treatment plan.
 *
 * @param exactDoseIu the dose that gives exactly the target trough at steady state
 * @param doseIu the exact dose rounded up to a combination of the patient's vials
 * @param doseIuPerKg {@code doseIu} per kg of body weight
 * @param troughIuPerDl the steady-state trough with {@code doseIu} (baseline included)
 * @param peakIuPerDl the steady-state peak with {@code doseIu} (baseline included)
 * @param weeklyIu IU per week with {@code doseIu}
 * @param weeklyCost {@code weeklyIu} times the price per IU, {@code null} without a price
 */
public record RegimenProposal(
        String label,
        double periodHours,
        List<Double> doseHours,
        double dosesPerWeek,
        double exactDoseIu,
        double doseIu,
        double doseIuPerKg,
        List<VialCount> vials,
        double troughIuPerDl,
        double peakIuPerDl,
        double weeklyIu,
        @Nullable Double weeklyCost,
        List<String> warnings) {}
