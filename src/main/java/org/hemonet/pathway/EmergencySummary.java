package org.hemonet.pathway;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.hemonet.patient.DiagnosisType;
import org.hemonet.patient.InhibitorStatus;
import org.hemonet.patient.Severity;
import org.jspecify.annotations.Nullable;

/**
 * What an emergency team needs on one screen or a wallet card (issue 17): who, the bleeding disorder and its severity,
 * inhibitor status, the current product and the dose for a major bleed, the emicizumab warnings and whom to call.
 *
 * @param majorBleed the first-phase dose for a life-threatening bleed (WFH 2020 targets, from the plan's weight and
 *     the bleed product's recovery); null when the product is not dosed by recovery or no weight is known
 * @param onEmicizumab the current plan is emicizumab: aPCC and laboratory warnings apply (clinical.md §9)
 * @param antithrombinLowered antithrombin is lowered (fitusiran, issue 21): breakthrough bleeds need reduced factor or
 *     bypassing doses
 */
public record EmergencySummary(
        UUID patientId,
        String fullName,
        LocalDate dateOfBirth,
        DiagnosisType diagnosis,
        @Nullable String diagnosisSubtype,
        @Nullable Severity severity,
        InhibitorStatus inhibitorStatus,
        @Nullable String productName,
        @Nullable String bleedProductName,
        @Nullable MajorBleedDose majorBleed,
        boolean onEmicizumab,
        String centreName,
        @Nullable String centrePhone24h,
        String emergencyNumber,
        boolean antithrombinLowered) {

    /**
     * @param doseIu the dose that raises the level from none to {@code lowIuPerDl}, rounded up to whole vials
     * @param vials vial size (IU) → count
     */
    public record MajorBleedDose(
            int doseIu, Map<Integer, Integer> vials, int lowIuPerDl, int highIuPerDl, BigDecimal weightKg) {

        /** The vials, largest first, e.g. {@code 2 × 2000 IU + 1 × 500 IU}. */
        public String vialText() {
            return vials.entrySet().stream()
                    .sorted(Map.Entry.<Integer, Integer>comparingByKey().reversed())
                    .map(e -> e.getValue() + " × " + e.getKey() + " IU")
                    .collect(java.util.stream.Collectors.joining(" + "));
        }

        public String weightText() {
            return weightKg.stripTrailingZeros().toPlainString();
        }
    }
}
