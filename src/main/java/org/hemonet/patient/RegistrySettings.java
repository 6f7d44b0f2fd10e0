package org.hemonet.patient;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Conventions of the registry that a network may set (clinical.md §2, §10).
 *
 * @param inhibitorPositiveBu a Bethesda titre against FVIII at or above this is positive (0.6 BU; Nijmegen labs use 0.5)
 * @param transitionPreparationFromAge preparation for adult care starts at this age (12)
 * @param transitionTransferFromAge transfer to adult care from this age (16)
 * @param transitionTransferByAge and by this age (18)
 * @param inhibitorPositiveBuFix a titre against FIX at or above this is positive (0.3 BU, clinical.md §9)
 */
@ConfigurationProperties("hemonet.registry")
public record RegistrySettings(
        @DefaultValue("0.6") BigDecimal inhibitorPositiveBu,
        @DefaultValue("12") int transitionPreparationFromAge,
        @DefaultValue("16") int transitionTransferFromAge,
        @DefaultValue("18") int transitionTransferByAge,
        @DefaultValue("0.3") BigDecimal inhibitorPositiveBuFix) {

    public static final BigDecimal DEFAULT_POSITIVE_THRESHOLD_BU_FIX = new BigDecimal("0.3");

    public static RegistrySettings defaults() {
        return new RegistrySettings(
                InhibitorStatus.DEFAULT_POSITIVE_THRESHOLD_BU, 12, 16, 18, DEFAULT_POSITIVE_THRESHOLD_BU_FIX);
    }

    /**
     * The positive threshold for a patient's inhibitors: against FIX for haemophilia B, against FVIII otherwise
     * (haemophilia A, acquired haemophilia, and diagnoses without a factor, whose Bethesda assays are against FVIII).
     */
    public BigDecimal inhibitorPositiveBuFor(DiagnosisType diagnosis) {
        return "FIX".equals(diagnosis.factor()) ? inhibitorPositiveBuFix : inhibitorPositiveBu;
    }
}
