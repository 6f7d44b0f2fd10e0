package org.hemonet.patient;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * Severity of haemophilia, derived from the baseline factor level, never typed in (clinical.md §1; ISTH, Blanchette et
 * al. 2014; women and girls: van Galen et al., J Thromb Haemost 2021;19:1883).
 */
public enum Severity {
    SEVERE,
    MODERATE,
    MILD,
    SYMPTOMATIC_CARRIER,
    ASYMPTOMATIC_CARRIER;

    private static final BigDecimal ONE = BigDecimal.ONE;
    private static final BigDecimal FIVE = BigDecimal.valueOf(5);
    private static final BigDecimal FORTY = BigDecimal.valueOf(40);

    /**
     * @param levelIuPerDl the lowest reliable baseline level (IU/dL = %)
     * @param bleedingPhenotype for women and girls at ≥ 40 IU/dL: whether they have a bleeding phenotype
     * @return the severity, or {@code null} where the bands do not apply (other diagnoses, no level, a male at ≥ 40
     *     IU/dL)
     */
    public static @Nullable Severity derive(
            DiagnosisType type, Sex sex, @Nullable BigDecimal levelIuPerDl, boolean bleedingPhenotype) {
        if (!type.isHemophilia() || levelIuPerDl == null) {
            return null;
        }
        if (levelIuPerDl.compareTo(ONE) < 0) {
            return SEVERE;
        }
        if (levelIuPerDl.compareTo(FIVE) <= 0) {
            return MODERATE;
        }
        if (levelIuPerDl.compareTo(FORTY) < 0) {
            return MILD;
        }
        if (sex == Sex.FEMALE) {
            return bleedingPhenotype ? SYMPTOMATIC_CARRIER : ASYMPTOMATIC_CARRIER;
        }
        return null;
    }
}
